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
})
