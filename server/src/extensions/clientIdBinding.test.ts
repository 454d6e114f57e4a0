import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Connection, Room } from '@samskriv/collab'
import { encodeSyncStep2, encodeUpdateMessage } from '@samskriv/protocol'
import { MemoryClientIdStore, MemoryDocumentStore, type ClientIdBinding } from '@samskriv/storage'
import { vi } from 'vitest'
import { clientIdBinding, createdClientIds } from './clientIdBinding.ts'

describe('createdClientIds', () => {
  it('names the client ids of new structs only, not those the document already has', () => {
    const server = new Y.Doc()
    const anna = new Y.Doc()
    anna.getText('t').insert(0, 'hej')
    const annas = Y.encodeStateAsUpdate(anna)
    expect(createdClientIds(server, annas)).toEqual([anna.clientID])
    Y.applyUpdate(server, annas)
    // Resent state creates nothing; a continuation does.
    expect(createdClientIds(server, annas)).toEqual([])
    const before = Y.encodeStateVector(anna)
    anna.getText('t').insert(3, '!')
    expect(createdClientIds(server, Y.encodeStateAsUpdate(anna, before))).toEqual([anna.clientID])
    // A deletion creates no struct.
    const beforeDelete = Y.encodeStateVector(anna)
    anna.getText('t').delete(0, 1)
    expect(createdClientIds(server, Y.encodeStateAsUpdate(anna, beforeDelete))).toEqual([])
  })
})

describe('clientIdBinding', () => {
  /** Sends one new item under `clientId` as `userId`; true if accepted. */
  function sender(extension: ReturnType<typeof clientIdBinding>) {
    const room = { documentId: 'd1', doc: new Y.Doc() } as unknown as Room
    return (userId: string, clientId: number): boolean => {
      const author = new Y.Doc()
      author.clientID = clientId
      author.getText('t').insert(0, 'x')
      const connection = { context: { userId } } as unknown as Connection
      try {
        extension.beforeApplyUpdate?.({ room, connection, update: Y.encodeStateAsUpdate(author) })
        return true
      } catch {
        return false
      }
    }
  }

  it("forgets a user's own least recently used ids beyond the bound, never another user's", () => {
    const send = sender(clientIdBinding(new MemoryClientIdStore(), 3))
    for (const id of [1, 2, 3]) expect(send('anna', id)).toBe(true)
    expect(send('anna', 1)).toBe(true) // used again: now Anna's most recent
    expect(send('anna', 4)).toBe(true) // Anna holds 1, 3, 4: forgets 2, her least recently used
    expect(send('bertil', 1)).toBe(false)
    expect(send('bertil', 3)).toBe(false)
    expect(send('bertil', 2)).toBe(true)
    // Bertil claiming many ids pushes out only his own, so Anna's stay hers.
    for (let id = 100; id < 110; id++) expect(send('bertil', id)).toBe(true)
    for (const id of [1, 3, 4]) expect(send('bertil', id)).toBe(false)
    expect(send('anna', 2)).toBe(true) // Bertil's 2 was pushed out by his own claims
  })

  it('stores each new binding before the batch written under it, and a restarted server reads them back', async () => {
    const store = new MemoryClientIdStore()
    const room = { documentId: 'd1', doc: new Y.Doc() } as unknown as Room
    const first = clientIdBinding(store)
    await first.beforeLoadDocument?.({ room })
    const send = sender(first)
    expect(send('anna', 41)).toBe(true)
    expect(send('anna', 41)).toBe(true)
    expect(await store.clientIds('d1')).toEqual([])
    await first.beforeStoreUpdates?.({ room })
    expect(await store.clientIds('d1')).toEqual([[41, 'anna']])
    // Nothing new: nothing to store, and no promise to wait for.
    expect(first.beforeStoreUpdates?.({ room })).toBeUndefined()

    const restarted = clientIdBinding(store)
    await restarted.beforeLoadDocument?.({ room })
    const again = sender(restarted)
    expect(again('bertil', 41)).toBe(false)
    expect(again('anna', 41)).toBe(true)
  })

  it('stores the ids a user forgets beyond the bound as released', async () => {
    const store = new MemoryClientIdStore()
    const room = { documentId: 'd1', doc: new Y.Doc() } as unknown as Room
    const extension = clientIdBinding(store, 2)
    const send = sender(extension)
    for (const id of [1, 2, 3]) expect(send('anna', id)).toBe(true)
    await extension.beforeStoreUpdates?.({ room })
    expect(await store.clientIds('d1')).toEqual([[2, 'anna'], [3, 'anna']])
  })

  it('keeps a binding whose store failed for the retry of its batch, so it is stored with it', async () => {
    class FlakyIds extends MemoryClientIdStore {
      failures = 1
      override async bindClientIds(documentId: string, bound: readonly ClientIdBinding[], released: readonly number[]) {
        if (this.failures-- > 0) throw new Error('connection refused')
        return super.bindClientIds(documentId, bound, released)
      }
    }
    const ids = new FlakyIds()
    const documents = new MemoryDocumentStore()
    const room = new Room({
      documentId: 'd1', store: documents, extensions: [clientIdBinding(ids)],
      limits: { messagesPerSecond: 1000, maxAwarenessBytes: 10_000, maxDocumentBytes: 1_000_000 },
      compactAfter: 1000, storageRetryMs: { first: 5, max: 20 },
    })
    await room.load()
    const anna = new Connection({ send: () => undefined, close: () => undefined }, { userId: 'anna', name: 'Anna', role: 'editor', color: '#000' })
    room.connect(anna)
    room.receive(anna, encodeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc())))
    const client = new Y.Doc()
    client.clientID = 41
    client.getText('t').insert(0, 'Annas text')
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    room.receive(anna, encodeUpdateMessage(Y.encodeStateAsUpdate(client)))
    for (let waited = 0; (await documents.load('d1')).updates.length === 0 && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10))
    await room.idle()
    logged.mockRestore()
    quiet.mockRestore()
    expect((await documents.load('d1')).updates.length).toBeGreaterThan(0)
    expect(await ids.clientIds('d1')).toEqual([[41, 'anna']])
  })
})
