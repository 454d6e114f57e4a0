import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentAfter } from './documentAfter.ts'
import { sectionsRefusal } from './sectionsRefusal.ts'

/** A server doc with a required section `mal`, a locked optional one `last` and a free one `fri`. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const [id, required] of [['mal', true], ['last', false], ['fri', false]] as const) {
      doc.getMap('sections').set(id, new Y.Map<unknown>([['title', id], ['required', required], ['status', 'utkast']]))
      doc.getArray<string>('outline').push([id])
    }
  })
  return doc
}

const locked = (id: string) => id === 'last'
const asEditor = (server: Y.Doc, update: Uint8Array) => sectionsRefusal(server, documentAfter(server, update)!, 'editor', locked)
const asCoordinator = (server: Y.Doc, update: Uint8Array) => sectionsRefusal(server, documentAfter(server, update)!, 'coordinator', locked)

/** What a client holding the server's state sends after `change` (`gc: false` keeps deleted items in it). */
function updateFrom(server: Y.Doc, change: (doc: Y.Doc) => void, gc = true): Uint8Array {
  const client = new Y.Doc({ gc })
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  client.transact(() => change(client))
  return Y.encodeStateAsUpdate(client, before)
}

const outlineIndex = (doc: Y.Doc, id: string) => doc.getArray<string>('outline').toArray().indexOf(id)
const entry = (doc: Y.Doc, id: string) => doc.getMap('sections').get(id) as Y.Map<unknown>

function remove(id: string) {
  return (doc: Y.Doc) => {
    doc.getArray<string>('outline').delete(outlineIndex(doc, id), 1)
    doc.getMap('sections').delete(id)
  }
}

describe('sectionsRefusal', () => {
  it('refuses removing a required section, for a coordinator too, and lets a free one go', () => {
    const server = serverDoc()
    expect(asEditor(server, updateFrom(server, remove('mal')))).toMatch(/Obligatoriska/)
    expect(asCoordinator(server, updateFrom(server, remove('mal')))).toMatch(/Obligatoriska/)
    expect(asEditor(server, updateFrom(server, remove('fri')))).toBeNull()
    // Its entry kept but its id taken out of the outline: hidden from everything that lists sections.
    const hide = updateFrom(server, (doc) => doc.getArray<string>('outline').delete(outlineIndex(doc, 'mal'), 1))
    expect(asCoordinator(server, hide)).toMatch(/Obligatoriska/)
  })

  it('refuses unmarking a required section, by writing the flag or by deleting it', () => {
    const server = serverDoc()
    expect(asEditor(server, updateFrom(server, (doc) => entry(doc, 'mal').set('required', false)))).toMatch(/Obligatoriska/)
    expect(asEditor(server, updateFrom(server, (doc) => entry(doc, 'mal').delete('required')))).toMatch(/Obligatoriska/)
  })

  it('refuses replacing a required entry, with or without a delete set', () => {
    const server = serverDoc()
    const replace = updateFrom(server, (doc) => doc.getMap('sections').set('mal', new Y.Map<unknown>([['title', 'ny']])))
    expect(asEditor(server, replace)).toMatch(/Obligatoriska/)
    // The same insertion without its deletions: Yjs still drops the old entry for the new one.
    expect(asEditor(server, structsOnly(replace))).toMatch(/Obligatoriska/)
  })

  it('refuses taking a locked section out of the outline, unless a coordinator does it, however the update is written', () => {
    const server = serverDoc()
    const hide = updateFrom(server, (doc) => doc.getArray<string>('outline').delete(outlineIndex(doc, 'last'), 1))
    expect(asEditor(server, hide)).toMatch(/låst/)
    expect(asCoordinator(server, hide)).toBeNull()
    // Put back and deleted again in the same update: it never lands.
    const sham = updateFrom(
      server,
      (doc) => {
        const outline = doc.getArray<string>('outline')
        outline.delete(outlineIndex(doc, 'last'), 1)
        outline.push(['last'])
        outline.delete(outline.length - 1, 1)
      },
      false,
    )
    expect(asEditor(server, sham)).toMatch(/låst/)
  })

  it('lets sections be moved in the outline, locked and required ones too', () => {
    const server = serverDoc()
    const move = updateFrom(server, (doc) => {
      const outline = doc.getArray<string>('outline')
      outline.delete(0, 2)
      outline.push(['mal', 'last'])
    })
    expect(asEditor(server, move)).toBeNull()
  })

  it('lets a new optional section be added', () => {
    const server = serverDoc()
    const add = updateFrom(server, (doc) => {
      doc.getMap('sections').set('eget-1', new Y.Map<unknown>([['title', 'Eget'], ['required', false]]))
      doc.getArray<string>('outline').push(['eget-1'])
    })
    expect(asEditor(server, add)).toBeNull()
  })

  it('lets only a coordinator approve a section, however the value is written', () => {
    const server = serverDoc()
    const approve = updateFrom(server, (doc) => entry(doc, 'fri').set('status', 'godkand'))
    expect(asEditor(server, approve)).toMatch(/samordnare/)
    expect(asCoordinator(server, approve)).toBeNull()
    expect(asEditor(server, updateFrom(server, (doc) => entry(doc, 'fri').set('status', 'klar-for-granskning')))).toBeNull()
    // Two values in one transaction: the second names the first, not the key, as its origin.
    const twice = updateFrom(server, (doc) => {
      entry(doc, 'fri').set('status', 'klar-for-granskning')
      entry(doc, 'fri').set('status', 'godkand')
    })
    expect(asEditor(server, twice)).toMatch(/samordnare/)
    // The value as JSON content, which Y.Map.get reads all the same.
    expect(asEditor(server, asJsonContent(approve))).toMatch(/samordnare/)
  })
})

/** `update` re-encoded with an empty delete set. */
function structsOnly(update: Uint8Array): Uint8Array {
  return encode(Y.decodeUpdate(update).structs)
}

/** `update` with its ContentAny values written as ContentJSON. */
function asJsonContent(update: Uint8Array): Uint8Array {
  return encode(
    Y.decodeUpdate(update).structs.map((struct) =>
      struct instanceof Y.Item && struct.content instanceof Y.ContentAny
        ? new Y.Item(struct.id, null, struct.origin, null, struct.rightOrigin, struct.parent, struct.parentSub, new Y.ContentJSON(struct.content.arr))
        : struct,
    ),
  )
}

function encode(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>): Uint8Array {
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

describe('a new section is a free text section', () => {
  const add = (id: string, values: Array<[string, unknown]>) => (doc: Y.Doc) => {
    doc.getMap('sections').set(id, new Y.Map<unknown>([['title', 'Kopia'], ...values]))
    doc.getArray<string>('outline').insert(0, [id])
  }

  it('refuses a copy of a template section: its key, a form or plan kind, or marked required, to a coordinator too', () => {
    const server = serverDoc()
    server.transact(() => entry(server, 'mal').set('key', 'mal'))
    for (const check of [asEditor, asCoordinator]) {
      expect(check(server, updateFrom(server, add('kopia', [['kind', 'text'], ['key', 'mal']])))).toBe('Det finns redan ett avsnitt med samma nyckel.')
      expect(check(server, updateFrom(server, add('kopia', [['kind', 'plan'], ['key', 'eget-2']])))).toBe('Ett nytt avsnitt kan bara vara ett textavsnitt.')
      expect(check(server, updateFrom(server, add('kopia', [['kind', 'text'], ['key', 'eget-2'], ['required', true]])))).toBe(
        'Om ett avsnitt är obligatoriskt bestäms av mallen.',
      )
    }
    // Readers find a section without `key` by its id: a copy so named is a copy too, whatever its id.
    const byId = updateFrom(server, (doc) => {
      doc.getMap('sections').delete('fri')
      doc.getArray<string>('outline').delete(outlineIndex(doc, 'fri'), 1)
    })
    Y.applyUpdate(server, byId)
    expect(asEditor(server, updateFrom(server, add('fri', [['kind', 'text']])))).toBeNull()
    expect(asEditor(server, updateFrom(server, add('kopia', [['kind', 'text'], ['key', 'last']])))).toBe('Det finns redan ett avsnitt med samma nyckel.')
    // A key that is not text is no key a reader could tell apart: refused, as a list or as shared text.
    expect(asEditor(server, updateFrom(server, add('kopia', [['kind', 'text'], ['key', ['mal']]])))).toBe('Ett nytt avsnitt kan bara vara ett textavsnitt.')
    expect(asEditor(server, updateFrom(server, add('kopia', [['kind', 'text'], ['key', new Y.Text('mal')]])))).toBe('Ett nytt avsnitt kan bara vara ett textavsnitt.')
    // Two new sections with one key at once are refused too.
    const twins = updateFrom(server, (doc) => {
      add('a', [['kind', 'text'], ['key', 'eget-3']])(doc)
      add('b', [['kind', 'text'], ['key', 'eget-3']])(doc)
    })
    expect(asEditor(server, twins)).toBe('Det finns redan ett avsnitt med samma nyckel.')
    expect(asEditor(server, updateFrom(server, add('eget', [['kind', 'text'], ['key', 'eget-4'], ['required', false]])))).toBeNull()
  })

  it('refuses marking an optional section required, which would keep it for good', () => {
    const server = serverDoc()
    for (const check of [asEditor, asCoordinator]) {
      expect(check(server, updateFrom(server, (doc) => entry(doc, 'fri').set('required', true)))).toBe('Om ett avsnitt är obligatoriskt bestäms av mallen.')
    }
  })
})

describe('a section keeps its kind and template key', () => {
  it('refuses a change of either, to a coordinator too (the plan lock and the forms find sections by them), and compares them as readers do', () => {
    const server = serverDoc()
    server.transact(() => {
      entry(server, 'fri').set('kind', 'plan')
      entry(server, 'fri').set('key', 'aktivitetsplan')
    })
    for (const check of [asEditor, asCoordinator]) {
      expect(check(server, updateFrom(server, (doc) => entry(doc, 'fri').set('kind', 'text')))).toBe('Ett avsnitts typ kan inte ändras.')
      expect(check(server, updateFrom(server, (doc) => entry(doc, 'fri').set('key', 'annat')))).toBe('Ett avsnitts typ kan inte ändras.')
    }
    const added = updateFrom(server, (doc) => {
      doc.getMap('sections').set('ny', new Y.Map<unknown>([['title', 'Ny'], ['kind', 'text'], ['key', 'ny']]))
      doc.getArray<string>('outline').push(['ny'])
    })
    expect(asEditor(server, added)).toBeNull()
    expect(asEditor(server, updateFrom(server, (doc) => entry(doc, 'fri').set('title', 'Nytt namn')))).toBeNull()
    // A key that is a list (older data, or another client's) compares by what readers make of it: it
    // does not block every later change of the section list.
    server.transact(() => entry(server, 'last').set('key', ['x']))
    expect(asCoordinator(server, updateFrom(server, (doc) => entry(doc, 'fri').set('title', 'Ännu ett namn')))).toBeNull()
  })
})
