import * as Y from 'yjs'

/** Where an item of an update lands: a type of the document (or one the update creates) and a map key. */
export interface Place {
  parent: Y.AbstractType<unknown> | Y.ID
  key: string | null
}

/** The place of each item of an update, following neighbours inside the update to the document. */
export class PlaceFinder {
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

  /** The item of this update that holds `id`, if any. */
  updateItem(id: Y.ID): Y.Item | undefined {
    const struct = this.structs.find((s) => s.id.client === id.client && s.id.clock <= id.clock && id.clock < s.id.clock + s.length)
    return struct instanceof Y.Item ? struct : undefined
  }
}
