import { Root } from '@samskriv/schema'
import * as Y from 'yjs'
import { PlaceFinder } from './updatePlaces.ts'

/**
 * Why the update would take a protected section out of the document, or null. Required template
 * sections must stay, and locked ones may not be moved away by anyone but a coordinator; the root
 * guard sees only *where* an update writes, so the server checks what it does there:
 * - deleting or replacing a required section's `sections` entry, or writing any existing entry's
 *   `required` flag (unmarking it first would make the entry deletable);
 * - deleting a required or locked section's id from `outline`, which is what lists a section: the
 *   editor, the checks, export and restore skip one that is not in it. A move (the same update
 *   puts the id back into the outline) is fine.
 * Call it after the guard accepted the update: its neighbours then lie in one place each.
 */
export function removesProtectedSection(doc: Y.Doc, update: Uint8Array, isLocked: (sectionId: string) => boolean): string | null {
  const { structs, ds } = Y.decodeUpdate(update)
  const sections = doc.getMap<Y.Map<unknown>>(Root.sections)
  const outline = doc.getArray<string>(Root.outline)
  const required = (id: string) => sections.get(id)?.get('required') === true
  const places = new PlaceFinder(doc, structs)
  const putBack = new Set<string>()
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const place = places.of(struct)
    if (!place) continue
    if (place.parent === sections && place.key !== null && required(place.key)) return 'Obligatoriska avsnitt kan inte ersättas.'
    if (place.key === 'required' && place.parent instanceof Y.AbstractType && place.parent._item?.parent === sections) {
      return 'Bara en samordnare kan ändra vilka avsnitt som är obligatoriska.'
    }
    if (place.parent === outline && struct.content.isCountable()) {
      for (const value of struct.content.getContent()) if (typeof value === 'string') putBack.add(value)
    }
  }
  if (ds.clients.size === 0) return null
  for (const entry of sections.values()) {
    const item = entry._item
    if (item && entry.get('required') === true && Y.isDeleted(ds, item.id)) return 'Obligatoriska avsnitt kan inte tas bort.'
  }
  for (let item = outline._start; item !== null; item = item.right) {
    if (item.deleted) continue
    const ids = item.content.getContent()
    for (let offset = 0; offset < ids.length; offset++) {
      const id = ids[offset]
      if (typeof id !== 'string' || putBack.has(id) || !Y.isDeleted(ds, Y.createID(item.id.client, item.id.clock + offset))) continue
      if (required(id)) return 'Obligatoriska avsnitt kan inte tas bort.'
      if (isLocked(id)) return 'Ett låst avsnitt kan bara flyttas eller tas bort av en samordnare.'
    }
  }
  return null
}
