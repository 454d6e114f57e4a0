import { Root } from '@samskriv/schema'
import * as Y from 'yjs'

/**
 * True when the update deletes (or replaces) the `sections` entry of a required template section.
 * The root guard allows editors to write `sections`; required sections must stay, so the
 * server checks the delete set against the entries that are marked required.
 */
export function removesRequiredSection(doc: Y.Doc, update: Uint8Array): boolean {
  const { ds } = Y.decodeUpdate(update)
  if (ds.clients.size === 0) return false
  const sections = doc.getMap<Y.Map<unknown>>(Root.sections)
  for (const entry of sections.values()) {
    const item = entry._item
    if (item && entry.get('required') === true && Y.isDeleted(ds, item.id)) return true
  }
  return false
}
