import { decodeMessage, encodeSyncStep2, encodeUpdateMessage } from '@samskriv/protocol'
import { MemoryDocumentStore } from '@samskriv/storage'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { Connection } from './Connection.ts'
import { StorageUnavailableError, type Room } from './Room.ts'
import { RoomRegistry } from './RoomRegistry.ts'
import { until } from './testing/until.ts'

/** The memory store, whose appends can be held (a slow database) or refused (an unreachable one). */
class SlowStore extends MemoryDocumentStore {
  down = false
  private held: Promise<void> | undefined

  /** Holds the next append until the returned function is called. */
  holdNextAppend(): () => void {
    let release = () => undefined as void
    this.held = new Promise((resolve) => (release = resolve))
    return release
  }

  override async appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number> {
    const held = this.held
    this.held = undefined
    if (held) await held
    if (this.down) throw new Error('connection refused')
    return super.appendUpdates(documentId, updates)
  }
}

function newRegistry(store: SlowStore): RoomRegistry {
  return new RoomRegistry({
    store,
    extensions: [],
    limits: { messagesPerSecond: 1000, maxAwarenessBytes: 10_000, maxDocumentBytes: 1_000_000 },
    unloadAfterMs: 1,
    compactAfter: 1000,
  })
}

function join(room: Room): Connection {
  const connection = new Connection({ send: (data) => void decodeMessage(data), close: () => undefined }, { userId: 'u', name: 'U', role: 'editor', color: '#000' })
  room.connect(connection)
  room.receive(connection, encodeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc())))
  return connection
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText(text).insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

async function storedTexts(store: SlowStore): Promise<string[]> {
  const doc = new Y.Doc()
  for (const update of (await store.load('doc')).updates) Y.applyUpdate(doc, update)
  return [...doc.share.keys()].filter((name) => doc.getText(name).toString() === name).sort()
}

/** The last client leaves and the empty room's unload begins (the registry's timer fired). */
async function leaveAndStartUnload(registry: RoomRegistry, room: Room, connection: Connection): Promise<void> {
  const unload = vi.spyOn(room, 'unload')
  room.disconnect(connection)
  registry.release(room)
  await until(() => unload.mock.calls.length > 0)
}

describe('RoomRegistry reopening a room that is unloading', () => {
  it('never lets the unloading room compact away updates acknowledged after the reopen', async () => {
    const store = new SlowStore()
    await store.appendUpdates('doc', [textUpdate('old1'), textUpdate('old2')])
    const registry = newRegistry(store)
    const first = await registry.open('doc')
    const leaving = join(first)
    await first.idle()

    // A batch whose append is slow (as through a storage outage) when the last client leaves.
    const releaseAppend = store.holdNextAppend()
    first.receive(leaving, encodeUpdateMessage(textUpdate('pending')))
    await until(() => first.doc.getText('pending').length > 0)
    await leaveAndStartUnload(registry, first, leaving)

    // Reopened meanwhile: a new client's update is acknowledged.
    const reopened = await registry.open('doc')
    const arriving = join(reopened)
    reopened.receive(arriving, encodeUpdateMessage(textUpdate('after')))
    // A second room (the defect) acknowledges it before the first room's batch is stored; the same
    // room stores it after that batch, so only then is there something to wait for.
    if (reopened !== first) await until(() => reopened.doc.getText('after').length > 0).then(() => reopened.idle())
    releaseAppend()
    await first.idle()
    await until(() => reopened.doc.getText('after').length > 0)
    await reopened.idle()
    // Whatever room was unloading, compacting or destroyed: the store holds every update.
    expect(await storedTexts(store)).toEqual(['after', 'old1', 'old2', 'pending'])
  })

  it('keeps a room whose batch waits for storage, and hands it out again when reopened', async () => {
    const store = new SlowStore()
    const registry = newRegistry(store)
    const room = await registry.open('doc')
    const leaving = join(room)
    await room.idle()
    store.down = true
    room.receive(leaving, encodeUpdateMessage(textUpdate('unsaved')))
    await until(() => room.storageDown)
    await leaveAndStartUnload(registry, room, leaving)

    expect(registry.peek('doc')).toBe(room)
    expect(await registry.open('doc')).toBe(room)
    store.down = false
    await until(() => !room.storageDown)
    await room.idle()
    expect(registry.peek('doc')).toBe(room)
    expect(await storedTexts(store)).toEqual(['unsaved'])
  })

  it('loads a fresh room once the unload has finished', async () => {
    const store = new SlowStore()
    const registry = newRegistry(store)
    const room = await registry.open('doc')
    const leaving = join(room)
    room.receive(leaving, encodeUpdateMessage(textUpdate('kept')))
    await until(() => room.doc.getText('kept').length > 0)
    await leaveAndStartUnload(registry, room, leaving)
    await until(() => registry.peek('doc') === undefined)
    const fresh = await registry.open('doc')
    expect(fresh).not.toBe(room)
    expect(fresh.doc.getText('kept').toString()).toBe('kept')
  })
})

/** The memory store, whose load of one document fails once `failLoad` is called. */
class BrokenLoadStore extends SlowStore {
  failLoad = () => undefined as void
  private readonly loadFails = new Promise<void>((resolve) => (this.failLoad = resolve))
  override async load(documentId: string) {
    if (documentId !== 'trasig') return super.load(documentId)
    await this.loadFails
    throw new Error('disk read error')
  }
}

describe('RoomRegistry at shutdown', () => {
  it('stores what it holds, then closes its connections; skips rooms that failed to load and opens no room after', async () => {
    const store = new BrokenLoadStore()
    const registry = newRegistry(store)
    const room = await registry.open('doc')
    let closedWith: number | undefined
    const connection = new Connection({ send: () => undefined, close: (code) => void (closedWith = code) }, { userId: 'u', name: 'U', role: 'editor', color: '#000' })
    room.connect(connection)
    room.receive(connection, encodeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc())))
    await room.idle()
    // A room still loading at shutdown, whose load then fails; a frame received but not yet taken.
    const failing = registry.open('trasig')
    room.receive(connection, encodeUpdateMessage(textUpdate('sparad')))
    const closing = registry.closeAll()
    store.failLoad()
    await expect(failing).rejects.toThrow('disk read error')
    await closing
    expect(closedWith).toBe(4503)
    expect(await storedTexts(store)).toEqual(['sparad'])
    await expect(registry.open('doc')).rejects.toBeInstanceOf(StorageUnavailableError)
    // A change queued on the unloaded room is refused, not applied to a document that stores nothing.
    await expect(room.change((doc) => doc.getText('förlorad').insert(0, 'förlorad'))).rejects.toBeInstanceOf(StorageUnavailableError)
  })
})

describe('RoomRegistry at shutdown, with extensions', () => {
  it('resolves only once every extension finished what its rooms’ unloads began, a failing one stopping none', async () => {
    let finish = () => undefined as void
    const written: string[] = []
    let begun: Promise<void> | undefined
    const registry = new RoomRegistry({
      store: new SlowStore(),
      extensions: [
        { onDestroy: () => Promise.reject(new Error('broken')) },
        {
          // A write `onUnload` cannot be awaited for, held until `finish()`.
          onUnload: ({ room }) => void (begun = new Promise<void>((resolve) => (finish = resolve)).then(() => void written.push(room.documentId))),
          onDestroy: () => begun,
        },
      ],
      limits: { messagesPerSecond: 1000, maxAwarenessBytes: 10_000, maxDocumentBytes: 1_000_000 },
      unloadAfterMs: 1,
      compactAfter: 1000,
    })
    await registry.open('doc')
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    let closed = false
    const closing = registry.closeAll().then(() => void (closed = true))
    await until(() => begun !== undefined)
    await new Promise((resolve) => setImmediate(resolve))
    expect(closed).toBe(false)
    finish()
    await closing
    expect(written).toEqual(['doc'])
    expect(error).toHaveBeenCalledWith('onDestroy failed', expect.any(Error))
    error.mockRestore()
  })
})
