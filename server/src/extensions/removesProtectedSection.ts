import { Root } from '@samskriv/schema'
import * as Y from 'yjs'

/** Where an item of an update lands: a type of the document (or one the update creates) and a map key. */
interface Place {
  parent: Y.AbstractType<unknown> | Y.ID
  key: string | null
}

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

/** The place of each item of an update, following neighbours inside the update to the document. */
class PlaceFinder {
  private readonly found = new Map<Y.Item, Place | undefined>()

  constructor(
    private readonly doc: Y.Doc,
    private readonly structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>,
  ) {}

  of(item: Y.Item): Place | undefined {
    if (this.found.has(item)) return this.found.get(item)
    this.found.set(item, undefined) // a chain that comes back to itself has no place
    const place = this.resolve(item)
    this.found.set(item, place)
    return place
  }

  private resolve(item: Y.Item): Place | undefined {
    const parent: unknown = item.parent
    if (typeof parent === 'string') return { parent: this.doc.get(parent), key: item.parentSub }
    if (parent instanceof Y.ID) {
      const owner = this.docItem(parent)
      if (owner) return owner.content instanceof Y.ContentType ? { parent: owner.content.type, key: item.parentSub } : undefined
      return { parent, key: item.parentSub } // a type this update creates
    }
    // Yjs takes the place of the left neighbour, else of the right one; in a map, also its key.
    for (const id of [item.origin, item.rightOrigin]) {
      if (!id) continue
      const neighbour = this.docItem(id)
      if (neighbour) return { parent: neighbour.parent as Y.AbstractType<unknown>, key: neighbour.parentSub }
      const inUpdate = this.updateItem(id)
      if (inUpdate) return this.of(inUpdate)
    }
    return undefined
  }

  private docItem(id: Y.ID): Y.Item | undefined {
    if (id.clock >= Y.getState(this.doc.store, id.client)) return undefined
    try {
      const struct = Y.getItem(this.doc.store, id) as Y.Item | Y.GC
      return struct instanceof Y.Item ? struct : undefined
    } catch {
      return undefined
    }
  }

  private updateItem(id: Y.ID): Y.Item | undefined {
    const struct = this.structs.find((s) => s.id.client === id.client && s.id.clock <= id.clock && id.clock < s.id.clock + s.length)
    return struct instanceof Y.Item ? struct : undefined
  }
}
