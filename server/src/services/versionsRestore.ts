import { Root, sectionRoot } from '@samskriv/schema'
import * as Y from 'yjs'

/** Whether a section's text or title differs between the two states. */
export function sectionDiffers(current: Y.Doc, version: Y.Doc, sectionId: string): boolean {
  const title = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(Root.sections).get(sectionId)?.get('title')
  // toString keeps element names, attributes and marks, so a formatting-only change counts too.
  return current.getXmlFragment(sectionRoot(sectionId)).toString() !== version.getXmlFragment(sectionRoot(sectionId)).toString() || title(current) !== title(version)
}

/**
 * Makes a section of `target` read as it does in `version`: its text (elements, text and marks
 * copied) and its title. Call it inside a transaction on the live document, so the restore is a
 * new change every client receives; the section's status, lock and owner are left as they are
 * (a restore is not a review decision).
 */
export function restoreSection(target: Y.Doc, version: Y.Doc, sectionId: string): void {
  const fragment = target.getXmlFragment(sectionRoot(sectionId))
  const source = version.getXmlFragment(sectionRoot(sectionId))
  if (fragment.length > 0) fragment.delete(0, fragment.length)
  const copies = source.toArray().map((node) => node.clone())
  if (copies.length > 0) fragment.insert(0, copies as Array<Y.XmlElement | Y.XmlText>)
  const entry = target.getMap<Y.Map<unknown>>(Root.sections).get(sectionId)
  const title = version.getMap<Y.Map<unknown>>(Root.sections).get(sectionId)?.get('title')
  if (entry instanceof Y.Map && typeof title === 'string' && entry.get('title') !== title) entry.set('title', title)
}
