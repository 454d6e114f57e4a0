import { Root, sectionRoot } from '@samskriv/schema'
import * as Y from 'yjs'

/** A section's structured values (`fields` root) as JSON, for comparison. */
function fieldsJson(doc: Y.Doc, sectionId: string): string {
  const value = doc.getMap<unknown>(Root.fields).get(sectionId)
  return JSON.stringify(value instanceof Y.AbstractType ? value.toJSON() : (value ?? null))
}

/** Whether a section's text, title or structured values differ between the two states. */
export function sectionDiffers(current: Y.Doc, version: Y.Doc, sectionId: string): boolean {
  const title = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(Root.sections).get(sectionId)?.get('title')
  // toString keeps element names, attributes and marks, so a formatting-only change counts too.
  return (
    current.getXmlFragment(sectionRoot(sectionId)).toString() !== version.getXmlFragment(sectionRoot(sectionId)).toString() ||
    title(current) !== title(version) ||
    fieldsJson(current, sectionId) !== fieldsJson(version, sectionId)
  )
}

/**
 * Makes a section of `target` read as it does in `version`: its text (elements, text and marks
 * copied), its title and its structured values in `fields`. Call it inside a transaction on the live document, so the restore is a
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
  if (fieldsJson(target, sectionId) !== fieldsJson(version, sectionId)) {
    const fields = target.getMap<unknown>(Root.fields)
    const value = version.getMap<unknown>(Root.fields).get(sectionId)
    if (value === undefined) fields.delete(sectionId)
    else fields.set(sectionId, value instanceof Y.AbstractType ? value.clone() : value)
  }
}
