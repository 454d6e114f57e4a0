import * as Y from 'yjs'

/** Section ids of the sample document; each has a `section:<id>` XmlFragment root. */
export const SECTION_IDS = ['a', 'b'] as const
export const MAP_ROOTS = ['sections', 'fields', 'comments', 'checks'] as const
export type MapRoot = (typeof MAP_ROOTS)[number]

/** Declares the roots with their types, as the server does before applying anything. */
export function defineRoots(doc: Y.Doc): void {
  for (const id of SECTION_IDS) doc.getXmlFragment(`section:${id}`)
  for (const root of MAP_ROOTS) doc.getMap(root)
}

export function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

function nestedMap(entries: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(entries)) map.set(key, value)
  return map
}

/** A small Samskriv-shaped document: two sections of text and map roots with nested maps. */
export function sampleDoc(clientID = 1): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  defineRoots(doc)
  doc.transact(() => {
    for (const id of SECTION_IDS) {
      doc
        .getXmlFragment(`section:${id}`)
        .insert(0, [paragraph(`Första stycket i ${id}.`), paragraph('Andra stycket.')])
      doc.getMap('sections').set(id, nestedMap({ title: `Avsnitt ${id}`, status: 'utkast' }))
      doc.getMap('fields').set(id, nestedMap({ owner: 'Eva' }))
    }
    const comment = nestedMap({ resolved: false })
    comment.set('body', new Y.Text('Bra formulering.'))
    doc.getMap('comments').set('c1', comment)
    doc.getMap('checks').set('k1', 'öppen')
  })
  return doc
}

/** A replica of `doc` with its own client id, as a connecting client or a server clone would hold. */
export function cloneDoc(doc: Y.Doc, clientID: number): Y.Doc {
  const clone = new Y.Doc()
  clone.clientID = clientID
  defineRoots(clone)
  Y.applyUpdate(clone, Y.encodeStateAsUpdate(doc))
  return clone
}

/** What `client` would send to `server`: everything the server does not have yet. */
export function diffUpdate(client: Y.Doc, server: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))
}

/** The content of every root, for comparing replicas. */
export function rootsJson(doc: Y.Doc): Record<string, unknown> {
  const json: Record<string, unknown> = {}
  for (const id of SECTION_IDS)
    json[`section:${id}`] = doc.getXmlFragment(`section:${id}`).toString()
  for (const root of MAP_ROOTS) json[root] = doc.getMap(root).toJSON()
  return json
}
