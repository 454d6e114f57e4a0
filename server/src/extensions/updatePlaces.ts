import * as Y from 'yjs'

/**
 * Where an item of an update lands: a type of the document, a type the update itself creates (the
 * ID of the item that creates it), or a root the document does not have yet (its name); and the
 * map key, if any.
 */
export interface Place {
  parent: Y.AbstractType<unknown> | Y.ID | string
  key: string | null
}

type Struct = Y.Item | Y.GC | Y.Skip

/**
 * The place of each item of an update, following neighbours inside the update to the document.
 * Linear in the update: structs are looked up by client and clock, and chains of neighbours are
 * followed with a loop, not recursion (an offline session can send thousands of linked items).
 * The document is only read: no root is created on it.
 */
export class PlaceFinder {
  private readonly found = new Map<Y.Item, Place | undefined>()
  /** The update's structs per client, in clock order (as Yjs decodes them). */
  private readonly byClient = new Map<number, Struct[]>()

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly Struct[],
  ) {
    for (const struct of structs) {
      const own = this.byClient.get(struct.id.client)
      if (own) own.push(struct)
      else this.byClient.set(struct.id.client, [struct])
    }
  }

  of(item: Y.Item): Place | undefined {
    // Follow in-update neighbours until a place is known or can be read from the document.
    const chain: Y.Item[] = []
    let current: Y.Item | undefined = item
    let place: Place | undefined
    while (current && !this.found.has(current)) {
      this.found.set(current, undefined) // a chain that comes back to itself has no place
      chain.push(current)
      const step = this.step(current)
      if ('next' in step) current = step.next
      else {
        place = step.place
        current = undefined
      }
    }
    if (current) place = this.found.get(current)
    for (const link of chain) this.found.set(link, place)
    return place
  }

  /** The item of this update that holds `id`, if any. */
  updateItem(id: Y.ID): Y.Item | undefined {
    const own = this.byClient.get(id.client)
    if (!own) return undefined
    let low = 0
    let high = own.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const struct = own[middle]!
      if (id.clock < struct.id.clock) high = middle - 1
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1
      else return struct instanceof Y.Item ? struct : undefined
    }
    return undefined
  }

  /** One step: the item's place, or the in-update item whose place it shares. */
  private step(item: Y.Item): { place: Place | undefined } | { next: Y.Item } {
    // Part of the struct is already on the server: Yjs integrates the rest after the server's own
    // copy of the previous clock, whatever the struct says (the update guard reads it the same way).
    const known = Y.getState(this.doc.store, item.id.client)
    if (item.id.clock < known) {
      if (item.id.clock + item.length <= known) return { place: undefined } // the server has it all: skipped
      const previous = this.docItem(Y.createID(item.id.client, known - 1))
      return { place: previous ? { parent: previous.parent as Y.AbstractType<unknown>, key: previous.parentSub } : undefined }
    }
    const parent: unknown = item.parent
    if (typeof parent === 'string') return { place: { parent: (this.doc.share.get(parent) as Y.AbstractType<unknown> | undefined) ?? parent, key: item.parentSub } }
    if (parent instanceof Y.ID) {
      const owner = this.docItem(parent)
      if (owner) return { place: owner.content instanceof Y.ContentType ? { parent: owner.content.type, key: item.parentSub } : undefined }
      return { place: { parent, key: item.parentSub } } // a type this update creates
    }
    // Yjs takes the place of the left neighbour, else of the right one; in a map, also its key.
    for (const id of [item.origin, item.rightOrigin]) {
      if (!id) continue
      const neighbour = this.docItem(id)
      if (neighbour) return { place: { parent: neighbour.parent as Y.AbstractType<unknown>, key: neighbour.parentSub } }
      const inUpdate = this.updateItem(id)
      if (inUpdate) return { next: inUpdate }
    }
    return { place: undefined }
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
}
