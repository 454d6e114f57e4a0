import { Root, sectionIdOfRoot } from '@samskriv/schema'
import type * as Y from 'yjs'

/** Every section may have changed (the section list, the plan, or a change not placed). */
export const ALL_SECTIONS = 'all'

/**
 * Which sections' sign-off hashes a transaction may have changed: their text (`section:<id>`) or
 * their entry in `fields`; `ALL_SECTIONS` for the section list (titles, kinds) or the plan (a plan
 * section's hash covers its activities). Changes elsewhere (comments, sign-offs, locks) change no
 * hash, so they need no reading at all.
 */
export function changedSections(doc: Y.Doc, transaction: Y.Transaction): Set<string> | typeof ALL_SECTIONS {
  const names = rootNames(doc)
  const found = new Set<string>()
  for (const [type, keys] of transaction.changed) {
    // Climb to the type directly in a root, remembering the key it sits under there.
    let child = type as Y.AbstractType<unknown>
    let parent = child._item?.parent as Y.AbstractType<unknown> | undefined
    while (parent?._item) {
      child = parent
      parent = child._item?.parent as Y.AbstractType<unknown> | undefined
    }
    const root = parent ?? child
    const name = names.get(root)
    if (name === undefined) return ALL_SECTIONS
    const section = sectionIdOfRoot(name)
    if (section !== undefined) found.add(section)
    else if (name === Root.fields) {
      if (parent) found.add(child._item?.parentSub ?? '')
      else for (const key of keys) if (key !== null) found.add(key)
    } else if (name === Root.sections || name === Root.outline || name === Root.plan) return ALL_SECTIONS
  }
  found.delete('')
  return found
}

function rootNames(doc: Y.Doc): Map<Y.AbstractType<unknown>, string> {
  const names = new Map<Y.AbstractType<unknown>, string>()
  for (const [name, type] of doc.share) names.set(type as Y.AbstractType<unknown>, name)
  return names
}
