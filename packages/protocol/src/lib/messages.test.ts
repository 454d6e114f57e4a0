import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as encoding from 'lib0/encoding'
import { decodeMessage, encodeSyncStep1, encodeUpdateMessage, MalformedMessageError } from './messages.ts'
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from './awarenessCodec.ts'

describe('y-websocket framing', () => {
  it('decodes what the reference y-protocols encoder writes', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'hej')
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeSyncStep1(encoder, doc)
    const message = decodeMessage(encoding.toUint8Array(encoder))
    expect(message).toEqual({ type: 'sync-step1', stateVector: Y.encodeStateVector(doc) })
  })

  it('writes frames the reference reader applies', () => {
    const source = new Y.Doc()
    source.getText('t').insert(0, 'hallå')
    const target = new Y.Doc()
    const frame = encodeUpdateMessage(Y.encodeStateAsUpdate(source))
    const message = decodeMessage(frame)
    if (message.type !== 'sync-update') throw new Error('unexpected')
    Y.applyUpdate(target, message.update)
    expect(target.getText('t').toString()).toBe('hallå')
    expect(decodeMessage(encodeSyncStep1(new Uint8Array([0]))).type).toBe('sync-step1')
  })

  it('refuses unknown and truncated frames with one error type', () => {
    expect(() => decodeMessage(new Uint8Array([9]))).toThrow(MalformedMessageError)
    expect(() => decodeMessage(new Uint8Array([0, 0, 50]))).toThrow(MalformedMessageError)
    expect(() => decodeMessage(new Uint8Array([]))).toThrow(MalformedMessageError)
  })

  it('round-trips awareness updates in the y-protocols format', () => {
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({ user: { name: 'Åsa' } })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
    const entries = decodeAwarenessUpdate(update)
    expect(entries).toEqual([{ clientId: doc.clientID, clock: 1, state: { user: { name: 'Åsa' } } }])
    expect(encodeAwarenessUpdate(entries)).toEqual(update)
    awareness.destroy()
  })

  it('skips the entries a reader does not accept without parsing their states', () => {
    const update = encodeAwarenessUpdate([
      { clientId: 1, clock: 4, state: { user: { name: 'Åsa' } } },
      { clientId: 2, clock: 9, state: { cursor: 'här' } },
      { clientId: 3, clock: 1, state: null },
    ])
    expect(decodeAwarenessUpdate(update, (clientId) => clientId === 2)).toEqual([{ clientId: 2, clock: 9, state: { cursor: 'här' } }])
    // A skipped state is not parsed, so even one that is not JSON costs nothing and breaks nothing.
    const raw = encoding.createEncoder()
    encoding.writeVarUint(raw, 2)
    for (const [clientId, state] of [[7, '{not json'], [8, '{"ok":true}']] as const) {
      encoding.writeVarUint(raw, clientId)
      encoding.writeVarUint(raw, 1)
      encoding.writeVarString(raw, state)
    }
    expect(decodeAwarenessUpdate(encoding.toUint8Array(raw), (clientId) => clientId === 8)).toEqual([{ clientId: 8, clock: 1, state: { ok: true } }])
    expect(() => decodeAwarenessUpdate(encoding.toUint8Array(raw))).toThrow()
  })
})
