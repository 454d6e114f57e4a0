import { DISCARDED_ROOT } from '@samskriv/schema'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changedTargets, hasPending } from './testing/changedTargets.ts'
import { forgeUpdate } from './testing/forgeUpdate.ts'
import { cloneDoc, diffUpdate, paragraph, sampleDoc } from './testing/sampleDoc.ts'
import { touchedTargets } from './touchedTargets.ts'

/** A server with the sample content and a client replica of it. */
function setup(): { server: Y.Doc; client: Y.Doc } {
  const server = sampleDoc(1)
  return { server, client: cloneDoc(server, 10) }
}

function targetsOf(server: Y.Doc, update: Uint8Array): unknown {
  const result = touchedTargets(server, update)
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`)
  return result.targets
}

function paragraphText(doc: Y.Doc, section: string, index: number): Y.XmlText {
  return (doc.getXmlFragment(`section:${section}`).get(index) as Y.XmlElement).get(0) as Y.XmlText
}

describe('touchedTargets', () => {
  it('reports a root section for a paragraph inserted into it', () => {
    const { server, client } = setup()
    client.getXmlFragment('section:a').insert(2, [paragraph('Nytt stycke.')])
    expect(targetsOf(server, diffUpdate(client, server))).toEqual([{ root: 'section:a' }])
  })

  it('reports the top-level key for a write into a nested map', () => {
    const { server, client } = setup()
    ;(client.getMap('sections').get('b') as Y.Map<unknown>).set('status', 'klar')
    expect(targetsOf(server, diffUpdate(client, server))).toEqual([{ root: 'sections', key: 'b' }])
  })

  it('reports the key of a new and of an overwritten map entry', () => {
    const { server, client } = setup()
    client.transact(() => {
      client.getMap('fields').set('c', 'ny')
      client.getMap('checks').set('k1', 'stängd') // origin is the old value: no parent in the update
    })
    expect(targetsOf(server, diffUpdate(client, server))).toEqual([
      { root: 'fields', key: 'c' },
      { root: 'checks', key: 'k1' },
    ])
  })

  it('resolves items that only carry an origin (typing in the middle of a paragraph)', () => {
    const { server, client } = setup()
    paragraphText(client, 'b', 1).insert(5, 'mitt i ')
    const update = diffUpdate(client, server)
    const [item] = Y.decodeUpdate(update).structs
    expect(item).toBeInstanceOf(Y.Item)
    expect((item as Y.Item).parent).toBeNull()
    expect(targetsOf(server, update)).toEqual([{ root: 'section:b' }])
  })

  it('reports the section for formatting, which inserts format marks', () => {
    const { server, client } = setup()
    paragraphText(client, 'a', 0).format(0, 6, { bold: true })
    const update = diffUpdate(client, server)
    const contents = Y.decodeUpdate(update).structs.map((struct) => (struct as Y.Item).content)
    expect(contents.some((content) => content instanceof Y.ContentFormat)).toBe(true)
    expect(targetsOf(server, update)).toEqual([{ root: 'section:a' }])
  })

  it('reports attribute changes on an element inside a section', () => {
    const { server, client } = setup()
    ;(client.getXmlFragment('section:b').get(0) as Y.XmlElement).setAttribute('align', 'center')
    expect(targetsOf(server, diffUpdate(client, server))).toEqual([{ root: 'section:b' }])
  })

  it('reports the roots of deleted server items, and their top-level keys', () => {
    const { server, client } = setup()
    client.transact(() => {
      paragraphText(client, 'b', 0).delete(0, 4)
      ;(client.getMap('comments').get('c1') as Y.Map<unknown>).delete('resolved')
    })
    const update = diffUpdate(client, server)
    expect(Y.decodeUpdate(update).structs).toHaveLength(0)
    expect(targetsOf(server, update)).toEqual([
      { root: 'section:b' },
      { root: 'comments', key: 'c1' },
    ])
  })

  it('counts writes into types created by the same update for their top-level key', () => {
    const { server, client } = setup()
    client.transact(() => {
      const nested = new Y.Map<unknown>()
      client.getMap('comments').set('c2', nested)
      nested.set('body', new Y.Text('Ny kommentar'))
    })
    expect(targetsOf(server, diffUpdate(client, server))).toEqual([{ root: 'comments', key: 'c2' }])
  })

  it('ignores deletions of already deleted items and reports nothing for a repeated update', () => {
    const { server, client } = setup()
    paragraphText(client, 'a', 1).delete(0, 3)
    const update = diffUpdate(client, server)
    Y.applyUpdate(server, update)
    expect(targetsOf(server, update)).toEqual([])
  })

  it('accepts merged updates and updates the server already holds in part', () => {
    const { server, client } = setup()
    paragraphText(client, 'a', 0).insert(0, 'Ett ')
    const first = diffUpdate(client, server)
    client.getMap('checks').set('k2', 'ny')
    const second = Y.encodeStateAsUpdate(client, Y.encodeStateVector(cloneWith(server, first)))
    const merged = Y.mergeUpdates([first, second])
    expect(targetsOf(server, merged)).toEqual([
      { root: 'section:a' },
      { root: 'checks', key: 'k2' },
    ])
    Y.applyUpdate(server, first)
    // The whole history again: only the part the server lacks counts.
    expect(targetsOf(server, Y.encodeStateAsUpdate(client))).toEqual([
      { root: 'checks', key: 'k2' },
    ])
  })

  it('reports only discarded content for an insert next to content another client deleted and Yjs collected', () => {
    const { server, client } = setup()
    paragraphText(client, 'a', 1).insert(3, 'sent ')
    const other = cloneDoc(server, 20)
    other.getXmlFragment('section:a').delete(1, 1)
    Y.applyUpdate(server, diffUpdate(other, server))
    const update = diffUpdate(client, server)
    expect(touchedTargets(server, update)).toEqual({ ok: true, targets: [{ root: DISCARDED_ROOT }] })
    expect(changedTargets(cloneDoc(server, 2), update)).toEqual([{ root: DISCARDED_ROOT }])
  })
})

describe('touchedTargets refuses what Yjs would park', () => {
  it('rejects an update building on structs the server never got', () => {
    const { server, client } = setup()
    paragraphText(client, 'a', 0).insert(0, 'A')
    const peer = cloneDoc(client, 20)
    paragraphText(peer, 'a', 0).insert(1, 'B')
    const update = Y.encodeStateAsUpdate(peer, Y.encodeStateVector(client))
    expect(touchedTargets(server, update)).toMatchObject({ ok: false, code: 'missing-dependency' })
  })

  it('rejects a clock gap in the sending client', () => {
    const { server, client } = setup()
    client.getMap('checks').set('k2', 'ett')
    const before = Y.encodeStateVector(client)
    client.getMap('checks').set('k3', 'två')
    const later = Y.encodeStateAsUpdate(client, before)
    expect(touchedTargets(server, later)).toMatchObject({ ok: false, code: 'missing-dependency' })
  })

  it('rejects deleting a range the server does not have', () => {
    const { server, client } = setup()
    paragraphText(client, 'a', 0).insert(0, 'tillfälligt ')
    const before = Y.encodeStateVector(client)
    paragraphText(client, 'a', 0).delete(0, 5)
    const deletion = Y.encodeStateAsUpdate(client, before)
    expect(Y.decodeUpdate(deletion).structs).toHaveLength(0)
    expect(touchedTargets(server, deletion)).toMatchObject({
      ok: false,
      code: 'missing-dependency',
    })
  })

  it('rejects a client block that appears twice', () => {
    const { server, client } = setup()
    client.getMap('checks').set('k2', 'ett')
    const first = diffUpdate(client, server)
    client.getMap('checks').set('k3', 'två')
    const second = Y.encodeStateAsUpdate(client, Y.encodeStateVector(cloneWith(server, first)))
    // Both have one block (count byte 1) and an empty delete set (last byte 0).
    const forged = new Uint8Array([2, ...first.slice(1, -1), ...second.slice(1, -1), 0])
    expect(Y.decodeUpdate(forged).structs).toHaveLength(2)
    // Yjs itself would keep only the second block and park it.
    const applied = cloneWith(server, forged)
    expect(applied.store.pendingStructs).not.toBeNull()
    expect(touchedTargets(server, forged)).toMatchObject({ ok: false, code: 'malformed' })
  })
})

describe('touchedTargets on items whose neighbours disagree', () => {
  it('refuses an item between a comment and a section: Yjs puts it in the comment, a copy of the comments alone would not', () => {
    const server = sampleDoc(1)
    const body = ((server.getMap('comments').get('c1') as Y.Map<unknown>).get('body') as Y.Text)._start!
    const section = server.getXmlFragment('section:a')._start!
    const forged = forgeUpdate([
      { client: 10, clock: 0, text: ' Förfalskat.', origin: Y.createID(body.id.client, body.id.clock + body.length - 1), rightOrigin: section.id },
    ])
    // Applied, it lands in the comment body (the neighbour on the left decides).
    const applied = cloneDoc(server, 2)
    Y.applyUpdate(applied, forged)
    expect(((applied.getMap('comments').get('c1') as Y.Map<unknown>).get('body') as Y.Text).toString()).toContain('Förfalskat')
    expect(touchedTargets(server, forged)).toMatchObject({ ok: false, code: 'malformed' })
  })

  it('refuses one between a map entry and a section, and still takes neighbours in the same place', () => {
    const server = sampleDoc(1)
    const checks = server.getMap('checks')
    const entry = checks._map.get('k1')!
    const sectionText = (server.getXmlFragment('section:a').get(0) as Y.XmlElement).get(0) as Y.XmlText
    const between = forgeUpdate([{ client: 10, clock: 0, text: 'x', origin: entry.id, rightOrigin: sectionText._start!.id }])
    expect(touchedTargets(server, between)).toMatchObject({ ok: false, code: 'malformed' })
    const first = sectionText._start!
    const inside = forgeUpdate([{ client: 10, clock: 0, text: 'x', origin: Y.createID(first.id.client, first.id.clock + 2), rightOrigin: Y.createID(first.id.client, first.id.clock + 3) }])
    expect(targetsOf(server, inside)).toEqual([{ root: 'section:a' }])
  })
})

describe('touchedTargets on hand-made struct orders', () => {
  it('resolves an item whose origin comes later in the same update', () => {
    const server = sampleDoc(1)
    const update = forgeUpdate([
      { client: 10, clock: 0, text: 'b', origin: Y.createID(20, 0) },
      { client: 20, clock: 0, text: 'a', root: 'checks', key: 'k1' },
    ])
    expect(targetsOf(server, update)).toEqual([{ root: 'checks', key: 'k1' }])
  })

  it('accepts clients that depend on each other without a cycle', () => {
    const server = sampleDoc(1)
    const id = Y.createID
    const update = forgeUpdate([
      { client: 10, clock: 0, text: 'a', root: 'checks', key: 'k1' },
      { client: 10, clock: 1, text: 'c', origin: id(20, 0) },
      { client: 10, clock: 2, text: 'd', origin: id(10, 1) },
      { client: 20, clock: 0, text: 'b', origin: id(10, 0) },
      { client: 20, clock: 1, text: 'e', origin: id(10, 2) },
    ])
    expect(targetsOf(server, update)).toEqual([{ root: 'checks', key: 'k1' }])
    const replica = cloneDoc(server, 2)
    Y.applyUpdate(replica, update)
    expect(hasPending(replica)).toBe(false)
  })

  it('rejects items that wait for each other, which Yjs would park', () => {
    const server = sampleDoc(1)
    const update = forgeUpdate([
      { client: 10, clock: 0, text: 'a', origin: Y.createID(20, 0) },
      { client: 20, clock: 0, text: 'b', origin: Y.createID(10, 0) },
    ])
    expect(touchedTargets(server, update)).toMatchObject({ ok: false, code: 'missing-dependency' })
    const replica = cloneDoc(server, 2)
    Y.applyUpdate(replica, update)
    expect(hasPending(replica)).toBe(true)
  })

  it('rejects an item whose origin is its own future', () => {
    const server = sampleDoc(1)
    const update = forgeUpdate([{ client: 10, clock: 0, text: 'ab', origin: Y.createID(10, 1) }])
    expect(touchedTargets(server, update)).toMatchObject({ ok: false, code: 'missing-dependency' })
  })

  it('reports a root the document does not have yet, for the permission table to refuse', () => {
    const server = sampleDoc(1)
    expect(
      targetsOf(server, forgeUpdate([{ client: 10, clock: 0, text: 'x', root: 'okänd' }])),
    ).toEqual([{ root: 'okänd' }])
  })
})

describe('touchedTargets on bad bytes', () => {
  it('answers malformed for garbage and never throws', () => {
    const server = sampleDoc(1)
    expect(touchedTargets(server, new Uint8Array([0xff, 0xff, 0xff]))).toMatchObject({
      ok: false,
      code: 'malformed',
    })
    expect(touchedTargets(server, new Uint8Array())).toMatchObject({ ok: false, code: 'malformed' })
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const result = touchedTargets(server, bytes)
        expect(typeof result.ok).toBe('boolean')
      }),
      { numRuns: 300 },
    )
  })

  it('answers for every mutation of a real update without throwing', () => {
    const { server, client } = setup()
    paragraphText(client, 'a', 0).insert(4, 'text')
    ;(client.getMap('sections').get('a') as Y.Map<unknown>).set('status', 'klar')
    const update = diffUpdate(client, server)
    fc.assert(
      fc.property(
        fc.nat({ max: update.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        (at, byte) => {
          const mutated = update.slice()
          mutated[at] = byte
          expect(typeof touchedTargets(server, mutated).ok).toBe('boolean')
        },
      ),
      { numRuns: 300 },
    )
  })
})

function cloneWith(doc: Y.Doc, update: Uint8Array): Y.Doc {
  const clone = cloneDoc(doc, 3)
  Y.applyUpdate(clone, update)
  return clone
}
