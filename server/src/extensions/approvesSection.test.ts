import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { approvesSection } from './approvesSection.ts'

/** A server doc with a section entry, and a client's update that overwrites its status. */
function statusUpdate(value: string): [Y.Doc, Uint8Array] {
  const server = new Y.Doc()
  const entry = new Y.Map<unknown>()
  server.getMap('sections').set('s1', entry)
  entry.set('status', 'utkast')
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  ;(client.getMap('sections').get('s1') as Y.Map<unknown>).set('status', value)
  return [server, Y.encodeStateAsUpdate(client, before)]
}

describe('approvesSection', () => {
  it('spots an approval and nothing else', () => {
    expect(approvesSection(...statusUpdate('godkand'))).toBe(true)
    expect(approvesSection(...statusUpdate('klar-for-granskning'))).toBe(false)
    expect(approvesSection(...statusUpdate('utkast'))).toBe(false)
  })

  it('spots one whose value is written as JSON content, which Y.Map.get reads the same', () => {
    const [server, honest] = statusUpdate('godkand')
    const decoded = Y.decodeUpdate(honest)
    const item = decoded.structs[0] as Y.Item
    const encoder = new Y.UpdateEncoderV1()
    encoder.writeLen(1)
    encoder.writeLen(1)
    encoder.writeClient(item.id.client)
    encoder.writeLen(item.id.clock)
    new Y.Item(item.id, null, item.origin, null, item.rightOrigin, item.parent, item.parentSub, new Y.ContentJSON(['godkand'])).write(encoder, 0)
    encoder.writeLen(0)
    const forged = encoder.toUint8Array()
    const applied = new Y.Doc()
    Y.applyUpdate(applied, Y.encodeStateAsUpdate(server))
    Y.applyUpdate(applied, forged)
    expect((applied.getMap('sections').get('s1') as Y.Map<unknown>).get('status')).toBe('godkand')
    expect(approvesSection(server, forged)).toBe(true)
  })
})
