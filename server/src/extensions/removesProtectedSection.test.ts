import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { removesProtectedSection } from './removesProtectedSection.ts'

/** A server doc with a required section `mal`, a locked optional one `last` and a free one `fri`. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const [id, required] of [['mal', true], ['last', false], ['fri', false]] as const) {
      doc.getMap('sections').set(id, new Y.Map<unknown>([['title', id], ['required', required]]))
      doc.getArray<string>('outline').push([id])
    }
  })
  return doc
}

const locked = (id: string) => id === 'last'

/** What a client holding the server's state sends after `change`. */
function updateFrom(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  client.transact(() => change(client))
  return Y.encodeStateAsUpdate(client, before)
}

const outlineIndex = (doc: Y.Doc, id: string) => doc.getArray<string>('outline').toArray().indexOf(id)

function remove(id: string) {
  return (doc: Y.Doc) => {
    doc.getArray<string>('outline').delete(outlineIndex(doc, id), 1)
    doc.getMap('sections').delete(id)
  }
}

describe('removesProtectedSection', () => {
  it('refuses removing a required section, and lets a free one go', () => {
    const server = serverDoc()
    expect(removesProtectedSection(server, updateFrom(server, remove('mal')), locked)).toMatch(/Obligatoriska/)
    expect(removesProtectedSection(server, updateFrom(server, remove('fri')), locked)).toBeNull()
  })

  it('refuses unmarking a required section, which would make it removable', () => {
    const server = serverDoc()
    const unmark = updateFrom(server, (doc) => (doc.getMap('sections').get('mal') as Y.Map<unknown>).set('required', false))
    expect(removesProtectedSection(server, unmark, locked)).toMatch(/samordnare/)
  })

  it('refuses replacing a required entry, with or without a delete set', () => {
    const server = serverDoc()
    const replace = updateFrom(server, (doc) => doc.getMap('sections').set('mal', new Y.Map<unknown>([['title', 'ny']])))
    expect(removesProtectedSection(server, replace, locked)).toMatch(/ersättas/)
    // The same insertion without its deletions: Yjs still drops the old entry for the new one.
    const decoded = Y.decodeUpdate(replace)
    const withoutDeletes = Y.mergeUpdates([encodeStructsOnly(decoded.structs)])
    const applied = new Y.Doc()
    Y.applyUpdate(applied, Y.encodeStateAsUpdate(server))
    Y.applyUpdate(applied, withoutDeletes)
    expect((applied.getMap('sections').get('mal') as Y.Map<unknown>).get('required')).toBeUndefined()
    expect(removesProtectedSection(server, withoutDeletes, locked)).toMatch(/ersättas/)
  })

  it('refuses taking a locked section out of the outline, unless a coordinator does it', () => {
    const server = serverDoc()
    const hide = updateFrom(server, (doc) => doc.getArray<string>('outline').delete(outlineIndex(doc, 'last'), 1))
    expect(removesProtectedSection(server, hide, locked)).toMatch(/låst/)
    expect(removesProtectedSection(server, hide, () => false)).toBeNull()
    const hideRequired = updateFrom(server, (doc) => doc.getArray<string>('outline').delete(outlineIndex(doc, 'mal'), 1))
    expect(removesProtectedSection(server, hideRequired, () => false)).toMatch(/Obligatoriska/)
  })

  it('lets sections be moved in the outline, locked and required ones too', () => {
    const server = serverDoc()
    const move = updateFrom(server, (doc) => {
      const outline = doc.getArray<string>('outline')
      outline.delete(0, 2)
      outline.push(['mal', 'last'])
    })
    expect(removesProtectedSection(server, move, locked)).toBeNull()
  })

  it('lets a new optional section be added', () => {
    const server = serverDoc()
    const add = updateFrom(server, (doc) => {
      doc.getMap('sections').set('eget-1', new Y.Map<unknown>([['title', 'Eget'], ['required', false]]))
      doc.getArray<string>('outline').push(['eget-1'])
    })
    expect(removesProtectedSection(server, add, locked)).toBeNull()
  })
})

/** A v1 update of `structs` with an empty delete set. */
function encodeStructsOnly(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>): Uint8Array {
  const byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>()
  for (const struct of structs) byClient.set(struct.id.client, [...(byClient.get(struct.id.client) ?? []), struct])
  const encoder = new Y.UpdateEncoderV1()
  encoder.writeLen(byClient.size)
  for (const [client, own] of byClient) {
    encoder.writeLen(own.length)
    encoder.writeClient(client)
    encoder.writeLen(own[0]!.id.clock)
    for (const struct of own) struct.write(encoder, 0)
  }
  encoder.writeLen(0)
  return encoder.toUint8Array()
}
