import {
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAwarenessMessage,
  encodeAwarenessUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
  type IncomingMessage,
} from '@samskriv/protocol'
import { MemoryDocumentStore } from '@samskriv/storage'
import * as encoding from 'lib0/encoding'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { Connection } from './Connection.ts'
import { Room, StorageUnavailableError, type RoomOptions } from './Room.ts'
import type { RoomExtension } from './RoomExtension.ts'
import { until } from './testing/until.ts'

/** The memory store, with a switch that makes appends fail as an unreachable database would. */
class FlakyStore extends MemoryDocumentStore {
  down = false
  override async appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number> {
    if (this.down) throw new Error('connection refused')
    return super.appendUpdates(documentId, updates)
  }
}

function newRoom(store: MemoryDocumentStore, options: Partial<RoomOptions> = {}): Room {
  return new Room({
    documentId: 'doc',
    store,
    extensions: [],
    limits: { messagesPerSecond: 1000, maxAwarenessBytes: 10_000, maxDocumentBytes: 1_000_000 },
    compactAfter: 1000,
    storageRetryMs: { first: 5, max: 20 },
    ...options,
  })
}

/** A connection whose socket records the frames the room sends it, decoded. */
function connect(room: Room, userId = 'u'): { connection: Connection; received: IncomingMessage[] } {
  const received: IncomingMessage[] = []
  const connection = new Connection(
    { send: (data) => received.push(decodeMessage(data)), close: () => undefined },
    { userId, name: userId.toUpperCase(), role: 'editor', color: '#000' },
  )
  room.connect(connection)
  // The handshake: until its sync step 2 a connection's plain updates are not taken.
  room.receive(connection, encodeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc())))
  return { connection, received }
}

/** An update inserting `text` into a fresh client doc. */
function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

const updatesIn = (received: IncomingMessage[]) => received.filter((message) => message.type === 'sync-update')

/** The text a client that had nothing holds after applying every sync step 2 it was sent. */
function syncedText(received: IncomingMessage[]): string {
  const client = new Y.Doc()
  for (const message of received) if (message.type === 'sync-step2') Y.applyUpdate(client, message.update)
  return client.getText('t').toString()
}

describe('an update a check fails on', () => {
  it('is not applied, closes its socket as malformed and is logged with the document and user', async () => {
    const failing: RoomExtension = {
      beforeApplyUpdate() {
        throw new TypeError('kontrollen kraschade')
      },
    }
    const room = newRoom(new MemoryDocumentStore(), { extensions: [failing] })
    const closes: number[] = []
    const connection = new Connection({ send: () => undefined, close: (code) => void closes.push(code) }, { userId: 'u1', name: 'U', role: 'editor', color: '#000' })
    room.connect(connection)
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      room.receive(connection, encodeSyncStep2(textUpdate('hej')))
      await until(() => closes.length > 0)
      expect(closes).toEqual([4400])
      expect(room.doc.getText('t').toString()).toBe('')
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/Dokument doc: .*u1.*kontrollen kraschade/))
    } finally {
      logged.mockRestore()
    }
  })
})

/** A room whose store is down, holding a batch that writes `text` (applied, retrying to store it). */
async function roomThatCannotStore(text: string): Promise<{ store: FlakyStore; room: Room }> {
  const store = new FlakyStore()
  const room = newRoom(store)
  await room.load()
  const writer = connect(room)
  store.down = true
  room.receive(writer.connection, encodeUpdateMessage(textUpdate(text)))
  await until(() => room.storageDown)
  return { store, room }
}

describe('Room when storage fails', () => {
  it('keeps the batch unbroadcast, refuses writes and says so, then stores it and asks for a resend', async () => {
    const store = new FlakyStore()
    const room = newRoom(store)
    await room.load()
    const writer = connect(room)
    const reader = connect(room)
    await room.idle()

    store.down = true
    room.receive(writer.connection, encodeUpdateMessage(textUpdate('first')))
    await until(() => room.storageDown)
    expect(room.awareness.getLocalState()).toEqual({ server: { storage: 'unavailable' } })
    expect(updatesIn(reader.received)).toEqual([])
    // Refused outright: not applied, so nothing that is not durable can spread.
    room.receive(writer.connection, encodeUpdateMessage(textUpdate('second')))
    expect(room.doc.getText('t').toString()).not.toContain('second')
    await expect(room.change((doc) => doc.getMap('m').set('k', 1))).rejects.toBeInstanceOf(StorageUnavailableError)

    const sentBeforeRecovery = writer.received.length
    store.down = false
    await until(() => !room.storageDown)
    expect(room.awareness.getLocalState()).toBeNull()
    expect(updatesIn(reader.received)).toHaveLength(1)
    const stored = new Y.Doc()
    for (const update of (await store.load('doc')).updates) Y.applyUpdate(stored, update)
    expect(stored.getText('t').toString()).toBe('first')
    // The writer whose update was refused is asked for everything the server lacks.
    expect(writer.received.slice(sentBeforeRecovery).some((message) => message.type === 'sync-step1')).toBe(true)
    expect(reader.received.slice(sentBeforeRecovery).some((message) => message.type === 'sync-step1')).toBe(false)
  })

  it('drops plain updates of a connection until its handshake sync step 2', async () => {
    const room = newRoom(new FlakyStore())
    await room.load()
    const received: IncomingMessage[] = []
    const connection = new Connection({ send: (data) => received.push(decodeMessage(data)), close: () => undefined }, { userId: 'u', name: 'U', role: 'editor', color: '#000' })
    room.connect(connection)
    room.receive(connection, encodeUpdateMessage(textUpdate('early')))
    await room.idle()
    expect(room.doc.getText('t').toString()).toBe('')
    room.receive(connection, encodeSyncStep2(textUpdate('early')))
    await until(() => room.doc.getText('t').toString() === 'early')
  })

  it('gives up retrying on shutdown, so unloading ends', async () => {
    const { store, room } = await roomThatCannotStore('never stored')
    // A client asking for the document meanwhile must not get the batch that is never stored.
    const reader = connect(room)
    room.receive(reader.connection, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    room.abandonStorageRetries()
    await room.unload()
    expect((await store.load('doc')).updates).toEqual([])
    expect(syncedText(reader.received)).not.toContain('never stored')
  })
})

describe('Room after giving up on storage', () => {
  it('answers no handshake with the batch it gave up storing', async () => {
    const { room } = await roomThatCannotStore('never stored')
    room.abandonStorageRetries()
    await room.idle()
    // The queue is empty now, and the document still holds the batch.
    const reader = connect(room)
    room.receive(reader.connection, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    await room.idle()
    await new Promise((resolve) => setImmediate(resolve))
    await room.idle()
    expect(syncedText(reader.received)).not.toContain('never stored')
  })
})

describe('Room compaction', () => {
  it('answers the batch and the change even when compaction fails, and tries again later', async () => {
    let compactions = 0
    const store = new (class extends FlakyStore {
      override async compact(): Promise<void> {
        compactions++
        throw new Error('disk full')
      }
    })()
    const room = newRoom(store, { compactAfter: 2, storageRetryMs: undefined })
    await room.load()
    const writer = connect(room)
    await room.idle()
    await room.change((doc) => doc.getMap('m').set('a', 1))
    // The second entry reaches compactAfter: the change was stored, so it must not be reported failed.
    await expect(room.change((doc) => doc.getMap('m').set('b', 2))).resolves.toBeUndefined()
    expect(compactions).toBe(1)
    // A sync step 1 queued behind a batch whose compaction fails still gets its reply.
    writer.received.length = 0
    room.receive(writer.connection, encodeUpdateMessage(textUpdate('x')))
    await new Promise((resolve) => setImmediate(resolve))
    room.receive(writer.connection, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    await until(() => writer.received.some((message) => message.type === 'sync-step2'))
    expect(compactions).toBe(2)
    expect((await store.load('doc')).updates).toHaveLength(3)
  })
})

describe('Room fan-out during a storage outage', () => {
  it('drops remote updates instead of queueing them, then catches up from the store', async () => {
    const store = new FlakyStore()
    const room = newRoom(store)
    await room.load()
    const writer = connect(room)
    const reader = connect(room)
    await room.idle()
    store.down = true
    room.receive(writer.connection, encodeUpdateMessage(textUpdate('local')))
    await until(() => room.storageDown)

    // Another instance stores an update and announces it: it must not wait behind the retry.
    const remote = textUpdate('remote')
    await MemoryDocumentStore.prototype.appendUpdates.call(store, 'doc', [remote])
    let applied = false
    void room.applyRemote(remote).then(() => (applied = true))
    await until(() => applied)
    expect(room.storageDown).toBe(true)

    store.down = false
    await until(() => room.doc.getText('t').toString().includes('remote'))
    await room.idle()
    const seen = new Y.Doc()
    for (const message of reader.received) if (message.type === 'sync-update') Y.applyUpdate(seen, message.update)
    expect(seen.getText('t').toString()).toContain('remote')
    expect(seen.getText('t').toString()).toContain('local')
  })
})

describe('Room fan-out', () => {
  it("sends other instances' updates that arrive together in one broadcast", async () => {
    const room = newRoom(new MemoryDocumentStore())
    await room.load()
    const reader = connect(room)
    await room.idle()
    const texts = ['one ', 'two ', 'three ']
    await Promise.all(texts.map((text) => room.applyRemote(textUpdate(text))))
    expect(updatesIn(reader.received)).toHaveLength(1)
    const client = new Y.Doc()
    Y.applyUpdate(client, updatesIn(reader.received)[0]!.update)
    for (const text of texts) expect(client.getText('t').toString()).toContain(text)
  })

  it('applies the rest of them when one cannot be read', async () => {
    const room = newRoom(new MemoryDocumentStore())
    await room.load()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await Promise.all([room.applyRemote(textUpdate('before ')), room.applyRemote(new Uint8Array([255, 255, 255])), room.applyRemote(textUpdate('after '))])
      expect(logged).toHaveBeenCalledTimes(1)
    } finally {
      logged.mockRestore()
    }
    expect(room.doc.getText('t').toString()).toContain('before')
    expect(room.doc.getText('t').toString()).toContain('after')
  })
})

describe('Room presence', () => {
  it("lets nobody take over another user's presence id; the same user may (a reconnect)", async () => {
    const room = newRoom(new MemoryDocumentStore())
    await room.load()
    const announce = (connection: Connection, clock: number, state: Record<string, unknown>) =>
      room.receive(connection, encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 77, clock, state }])))
    const anna = connect(room, 'anna')
    announce(anna.connection, 1, { cursor: 1 })
    const mallory = connect(room, 'mallory')
    announce(mallory.connection, 2, { cursor: 'kapad' })
    expect(mallory.connection.awarenessClientId).toBeUndefined()
    expect(room.awareness.getStates().get(77)).toMatchObject({ cursor: 1, user: { id: 'anna' } })
    room.disconnect(mallory.connection)
    expect(room.awareness.getStates().get(77)).toMatchObject({ user: { id: 'anna' } })

    const annaAgain = connect(room, 'anna')
    announce(annaAgain.connection, 3, { cursor: 2 })
    expect(room.awareness.getStates().get(77)).toMatchObject({ cursor: 2, user: { id: 'anna' } })
  })

  it("refuses another user the id of someone between sockets, so the owner's presence is back when they are", async () => {
    const room = newRoom(new MemoryDocumentStore())
    await room.load()
    const announce = (connection: Connection, clock: number, state: Record<string, unknown>) =>
      room.receive(connection, encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 77, clock, state }])))
    const anna = connect(room, 'anna')
    announce(anna.connection, 1, { cursor: 1 })
    room.disconnect(anna.connection)
    expect(room.awareness.getStates().has(77)).toBe(false)

    const mallory = connect(room, 'mallory')
    announce(mallory.connection, 999, { cursor: 'kapad' })
    expect(mallory.connection.awarenessClientId).toBeUndefined()
    expect(room.awareness.getStates().has(77)).toBe(false)

    // Her provider announces its unchanged state with the clock it had when her socket closed.
    const annaAgain = connect(room, 'anna')
    announce(annaAgain.connection, 1, { cursor: 1 })
    expect(room.awareness.getStates().get(77)).toMatchObject({ cursor: 1, user: { id: 'anna' } })
    expect(room.awareness.meta.get(77)?.clock).toBe(2)
    // Her provider adopts that clock and echoes the state back: old news, applied once only.
    announce(annaAgain.connection, 2, { cursor: 1 })
    expect(room.awareness.meta.get(77)?.clock).toBe(2)
  })

  it('gives the id back to its owner when they write under it, ahead of the clock the other user left', async () => {
    // Anna wrote under her id before a restart; after it the room knows no owners: whoever announces an id first holds it.
    const store = new MemoryDocumentStore()
    const annasDoc = new Y.Doc()
    annasDoc.clientID = 77
    annasDoc.getText('t').insert(0, 'före ')
    await store.appendUpdates('doc', [Y.encodeStateAsUpdate(annasDoc)])
    const room = newRoom(store)
    await room.load()
    const announce = (connection: Connection, clock: number, state: Record<string, unknown>) =>
      room.receive(connection, encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 77, clock, state }])))
    const mallory = connect(room, 'mallory')
    announce(mallory.connection, 999, { cursor: 'kapad' })
    const anna = connect(room, 'anna')
    announce(anna.connection, 5, { cursor: 1 })
    expect(room.awareness.getStates().get(77)).toMatchObject({ user: { id: 'mallory' } })

    annasDoc.getText('t').insert(5, 'Annas text')
    room.receive(anna.connection, encodeUpdateMessage(Y.encodeStateAsUpdate(annasDoc)))
    await until(() => anna.connection.awarenessClientId === 77)
    expect(mallory.connection.awarenessClientId).toBeUndefined()
    expect(room.awareness.getStates().has(77)).toBe(false)

    announce(anna.connection, 6, { cursor: 2 })
    expect(room.awareness.getStates().get(77)).toMatchObject({ cursor: 2, user: { id: 'anna' } })
    expect(room.awareness.meta.get(77)?.clock).toBeGreaterThan(999)
    announce(mallory.connection, 2_000, { cursor: 'igen' })
    room.disconnect(mallory.connection)
    expect(room.awareness.getStates().get(77)).toMatchObject({ cursor: 2, user: { id: 'anna' } })
  })

  it('gives the id to nobody who writes under it first after its holder announced it', async () => {
    // Anna has not typed: nobody has written under her id, so the update guard lets anyone.
    const room = newRoom(new MemoryDocumentStore())
    await room.load()
    const announce = (connection: Connection, clock: number, state: Record<string, unknown>) =>
      room.receive(connection, encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 77, clock, state }])))
    const anna = connect(room, 'anna')
    announce(anna.connection, 1, { cursor: 1 })
    const mallory = connect(room, 'mallory')
    announce(mallory.connection, 2, { cursor: 'kapad' })

    const forged = new Y.Doc()
    forged.clientID = 77
    forged.getText('t').insert(0, 'kapad')
    room.receive(mallory.connection, encodeUpdateMessage(Y.encodeStateAsUpdate(forged)))
    await until(() => room.doc.getText('t').toString() === 'kapad')
    announce(mallory.connection, 3, { cursor: 'kapad igen' })
    expect(mallory.connection.awarenessClientId).toBeUndefined()
    expect(anna.connection.awarenessClientId).toBe(77)
    expect(room.awareness.getStates().get(77)).toMatchObject({ cursor: 1, user: { id: 'anna' } })

    // Nor while she is between sockets.
    room.disconnect(anna.connection)
    forged.getText('t').insert(0, 'mer ')
    room.receive(mallory.connection, encodeUpdateMessage(Y.encodeStateAsUpdate(forged)))
    await until(() => room.doc.getText('t').toString() === 'mer kapad')
    announce(mallory.connection, 4, { cursor: 'kapad igen' })
    expect(room.awareness.getStates().has(77)).toBe(false)
    const annaAgain = connect(room, 'anna')
    announce(annaAgain.connection, 1, { cursor: 2 })
    expect(room.awareness.getStates().get(77)).toMatchObject({ cursor: 2, user: { id: 'anna' } })
  })

  it('notes what was written under an id when it is announced without waking a hibernating room', async () => {
    const store = new MemoryDocumentStore()
    const annasDoc = new Y.Doc()
    annasDoc.clientID = 77
    annasDoc.getText('t').insert(0, 'före ')
    await store.appendUpdates('doc', [Y.encodeStateAsUpdate(annasDoc)])
    const room = newRoom(store, { hibernateAfterMs: 30 })
    await room.load()
    await until(() => room.hibernating)
    const mallory = connect(room, 'mallory')
    room.receive(mallory.connection, encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 77, clock: 999, state: { cursor: 'kapad' } }])))
    expect(room.hibernating).toBe(true)

    const anna = connect(room, 'anna')
    room.receive(anna.connection, encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 77, clock: 1, state: { cursor: 1 } }])))
    annasDoc.getText('t').insert(5, 'efter')
    room.receive(anna.connection, encodeUpdateMessage(Y.encodeStateAsUpdate(annasDoc)))
    await until(() => anna.connection.awarenessClientId === 77)
    expect(mallory.connection.awarenessClientId).toBeUndefined()
  })

  it('forgets the owners of the least recently used ids nobody holds beyond its bound, never those held', async () => {
    const room = newRoom(new MemoryDocumentStore(), { maxPresenceIds: 2 })
    await room.load()
    const announce = (connection: Connection, clientId: number) =>
      room.receive(connection, encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId, clock: 1, state: { cursor: null } }])))
    const anna = connect(room, 'anna')
    announce(anna.connection, 77)
    for (const [user, clientId] of [['bo', 1], ['cy', 2]] as const) {
      const { connection } = connect(room, user)
      announce(connection, clientId)
      room.disconnect(connection)
    }
    // Their removal goes out on the next turn, encoded from their last clock.
    await new Promise((resolve) => setImmediate(resolve))
    announce(connect(room, 'dan').connection, 3)
    expect(room.awareness.meta.has(1)).toBe(false)
    expect(room.awareness.meta.has(2)).toBe(false)

    const mallory = connect(room, 'mallory')
    announce(mallory.connection, 77)
    expect(mallory.connection.awarenessClientId).toBeUndefined()
    const eve = connect(room, 'eve')
    announce(eve.connection, 1)
    expect(eve.connection.awarenessClientId).toBe(1)
  })

  it('closes a connection announcing a state nested too deep to encode, with 4413 and without throwing', async () => {
    const room = newRoom(new MemoryDocumentStore())
    await room.load()
    const closes: number[] = []
    const connection = new Connection({ send: () => undefined, close: (code) => void closes.push(code) }, { userId: 'u', name: 'U', role: 'editor', color: '#000' })
    room.connect(connection)
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, 55)
    encoding.writeVarUint(inner, 1)
    encoding.writeVarString(inner, deep)
    expect(() => room.receive(connection, encodeAwarenessMessage(encoding.toUint8Array(inner)))).not.toThrow()
    expect(closes).toEqual([4413])
    expect(room.awareness.getStates().has(55)).toBe(false)
  })

  it('sends changed presence on the next turn and gathers renewals of an unchanged state', async () => {
    const room = newRoom(new MemoryDocumentStore(), { presenceRenewalMs: 40 })
    await room.load()
    const watcher = connect(room)
    const presenceFrames = () => watcher.received.filter((message) => message.type === 'awareness').length
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve))
    const announcers = [connect(room), connect(room), connect(room)]
    const announce = (index: number, clock: number, cursor: number) =>
      room.receive(announcers[index]!.connection, encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 100 + index, clock, state: { cursor } }])))

    announcers.forEach((_, index) => announce(index, 1, 0))
    await nextTurn()
    expect(presenceFrames()).toBe(1)

    // Renewals: same state, higher clock. None goes out on the next turn; one frame carries all three.
    announcers.forEach((_, index) => announce(index, 2, 0))
    await nextTurn()
    await nextTurn()
    expect(presenceFrames()).toBe(1)
    await until(() => presenceFrames() === 2)
    const renewal = watcher.received.filter((message) => message.type === 'awareness').at(-1)
    expect(renewal?.type === 'awareness' && decodeAwarenessUpdate(renewal.update).map((entry) => entry.clock)).toEqual([2, 2, 2])

    // A changed state does not wait for the renewals' span.
    announce(0, 3, 7)
    await nextTurn()
    expect(presenceFrames()).toBe(3)
  })

  it('lets no client overwrite the server status notice by announcing the server client id', async () => {
    const room = newRoom(new FlakyStore())
    await room.load()
    const spoofer = connect(room)
    room.reportService('storage', false)
    const spoof = encodeAwarenessUpdate([{ clientId: room.awareness.clientID, clock: 1_000, state: { cursor: null } }])
    room.receive(spoofer.connection, encodeAwarenessMessage(spoof))
    expect(room.awareness.getLocalState()).toEqual({ server: { storage: 'unavailable' } })
    expect(spoofer.connection.awarenessClientId).toBeUndefined()
    // Its own id is still taken afterwards.
    room.receive(spoofer.connection, encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 42, clock: 1, state: { cursor: null } }])))
    expect(room.awareness.getStates().get(42)).toMatchObject({ user: { id: 'u' } })
  })

  it('lets no other instance overwrite it either (a client there may have learnt the id here)', async () => {
    const room = newRoom(new FlakyStore())
    await room.load()
    room.reportService('fanout', false)
    room.applyRemoteAwareness(
      encodeAwarenessUpdate([
        { clientId: room.awareness.clientID, clock: 1_000, state: { hidden: true } },
        { clientId: 43, clock: 1, state: { user: { id: 'elsewhere' } } },
      ]),
    )
    expect(room.awareness.getLocalState()).toEqual({ server: { fanout: 'unavailable' } })
    expect(room.awareness.getStates().get(43)).toEqual({ user: { id: 'elsewhere' } })
  })
})

/** A room whose store holds appends, with a batch writing `text` applied and waiting to be stored. */
async function roomWithHeldBatch(text: string): Promise<{ store: GatedStore; room: Room }> {
  const store = new GatedStore()
  const room = newRoom(store)
  await room.load()
  const writer = connect(room)
  await room.idle()
  store.hold()
  room.receive(writer.connection, encodeUpdateMessage(textUpdate(text)))
  await until(() => store.appends.length > 0)
  return { store, room }
}

/** The memory store, whose appends wait until the test lets them through, counting the calls. */
class GatedStore extends MemoryDocumentStore {
  appends: number[] = []
  private gate: Promise<void> = Promise.resolve()
  private open: () => void = () => undefined
  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve))
  }
  release(): void {
    this.open()
  }
  override async appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number> {
    this.appends.push(updates.length)
    await this.gate
    return super.appendUpdates(documentId, updates)
  }
}

describe('Room sync of new clients', () => {
  /** The text a client that has nothing sees after its handshake. */
  async function textOfNewClient(room: Room): Promise<string> {
    const { connection, received } = connect(room)
    room.receive(connection, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    await until(() => received.some((message) => message.type === 'sync-step2'))
    return syncedText(received)
  }

  it('sends each client that has nothing the document as it is at that moment', async () => {
    const room = newRoom(new MemoryDocumentStore())
    await room.load()
    const writer = connect(room)
    room.receive(writer.connection, encodeUpdateMessage(textUpdate('first')))
    await until(() => room.doc.getText('t').length > 0)
    expect(await textOfNewClient(room)).toBe('first')
    expect(await textOfNewClient(room)).toBe('first')
    // The encoding those two shared must not outlive a change, whether a client's or the server's.
    room.receive(writer.connection, encodeUpdateMessage(textUpdate('second ')))
    await until(() => room.doc.getText('t').toString().includes('second'))
    expect(await textOfNewClient(room)).toContain('second')
    await room.change((doc) => doc.getText('t').insert(0, 'third '))
    expect(await textOfNewClient(room)).toContain('third')
    await room.applyRemote(textUpdate('remote '))
    expect(await textOfNewClient(room)).toContain('remote')
  })
})

describe('Room group commit', () => {
  it('gathers the frames that arrive while a commit is in flight into one append', async () => {
    const store = new GatedStore()
    const room = newRoom(store)
    await room.load()
    const writer = connect(room)
    const reader = connect(room)
    await room.idle()
    store.appends = []

    store.hold()
    room.receive(writer.connection, encodeUpdateMessage(textUpdate('a')))
    await until(() => store.appends.length === 1)
    // Three more frames, each in its own event-loop turn, while the first append waits.
    for (const text of ['b', 'c', 'd']) {
      room.receive(writer.connection, encodeUpdateMessage(textUpdate(text)))
      await new Promise((resolve) => setImmediate(resolve))
    }
    store.release()
    await until(() => updatesIn(reader.received).length === 2)
    await room.idle()
    expect(store.appends).toEqual([1, 3])
  })

  it('lets the document be read only once what was applied is stored', async () => {
    const { store, room } = await roomWithHeldBatch('ej sparad')
    let seen: string | undefined
    const reading = room.read((doc) => (seen = doc.getText('t').toString()))
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve))
    // Applied, but its append waits: nothing may be read from it yet.
    expect(seen).toBeUndefined()
    store.release()
    expect(await reading).toBe('ej sparad')
    expect((await store.load('doc')).updates.length).toBeGreaterThan(0)
  })

  it('refuses a read while storage is down', async () => {
    const { room } = await roomThatCannotStore('aldrig')
    await expect(room.read((doc) => doc.getText('t').toString())).rejects.toBeInstanceOf(StorageUnavailableError)
    room.abandonStorageRetries()
  })
})

describe('Room hibernation', () => {
  const hibernatingRoom = (store: MemoryDocumentStore, extensions: RoomExtension[] = []) => newRoom(store, { extensions, hibernateAfterMs: 30 })

  /** A connection that has not finished its handshake: it only listens (no sync step 2 yet). */
  function listen(room: Room): { connection: Connection; received: IncomingMessage[] } {
    const received: IncomingMessage[] = []
    const connection = new Connection({ send: (data) => received.push(decodeMessage(data)), close: () => undefined }, { userId: 'v', name: 'V', role: 'editor', color: '#000' })
    room.connect(connection)
    return { connection, received }
  }

  /** A room to which a writer sent 'abcdef', typed in `client` (not yet waited for). */
  async function typedAbcdef() {
    const room = hibernatingRoom(new MemoryDocumentStore())
    await room.load()
    const writer = connect(room)
    const client = new Y.Doc()
    client.getText('t').insert(0, 'abcdef')
    room.receive(writer.connection, encodeUpdateMessage(Y.encodeStateAsUpdate(client)))
    return { room, writer, client }
  }

  async function hibernatedWith(texts: string[], extensions: RoomExtension[] = []) {
    const store = new MemoryDocumentStore()
    const room = hibernatingRoom(store, extensions)
    await room.load()
    const writer = connect(room)
    for (const text of texts) room.receive(writer.connection, encodeUpdateMessage(textUpdate(text)))
    await until(() => room.doc.getText('t').length === texts.join('').length)
    const content = room.doc.getText('t').toString()
    await until(() => room.hibernating)
    return { store, room, writer, content }
  }

  it('keeps an unchanged document encoded, compacts its log and syncs new clients from it', async () => {
    const hibernated: string[] = []
    const dropped: string[] = []
    const { store, room, content } = await hibernatedWith(['a', 'b', 'c'], [
      {
        onHibernate: ({ room: which, doc }) => {
          hibernated.push(which.documentId)
          dropped.push(doc.getText('t').toString())
        },
      },
    ])
    expect(content).toHaveLength(3)
    expect(hibernated).toEqual(['doc'])
    // The hook is handed the document it may detach from, without waking the room for it.
    expect(dropped).toEqual([content])
    expect(await store.countUpdates('doc')).toBe(1)

    // A new client gets the state vector and everything it lacks, with no Y.Doc built for it.
    const { connection, received } = listen(room)
    const step1 = received.find((message) => message.type === 'sync-step1')
    expect(step1?.type === 'sync-step1' && Y.decodeStateVector(step1.stateVector).size).toBe(3)
    room.receive(connection, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    await until(() => received.some((message) => message.type === 'sync-step2'))
    expect(room.hibernating).toBe(true)
    expect(syncedText(received)).toBe(content)
  })

  it('tells extensions of the new document before the change that woke it is applied', async () => {
    // What an extension listening to the document sees after each wake.
    const seen: string[] = []
    const listener: RoomExtension = {
      onWake: ({ room: which, doc }) => {
        expect(doc).toBe(which.doc)
        doc.getText('t').observe(() => seen.push(doc.getText('t').toString()))
      },
    }
    const { room, writer, content } = await hibernatedWith(['a', 'b'], [listener])
    room.receive(writer.connection, encodeUpdateMessage(textUpdate('z')))
    await until(() => seen.length === 1)
    expect(seen[0]).toHaveLength(content.length + 1)
    await room.idle()
  })

  it('wakes on the next change: applied to the whole document, stored and broadcast', async () => {
    const { store, room, writer, content } = await hibernatedWith(['a', 'b'])
    const reader = listen(room)
    room.receive(writer.connection, encodeUpdateMessage(textUpdate('z')))
    await until(() => updatesIn(reader.received).length === 1)
    expect(room.hibernating).toBe(false)
    expect(room.doc.getText('t').toString()).toHaveLength(content.length + 1)
    const stored = new Y.Doc()
    for (const update of (await store.load('doc')).updates) Y.applyUpdate(stored, update)
    expect(stored.getText('t').toString()).toBe(room.doc.getText('t').toString())
    // And sleeps again once it is quiet.
    await until(() => room.hibernating)
  })

  it('wakes when the server reads or changes the document', async () => {
    const { room, content } = await hibernatedWith(['a'])
    expect(room.doc.getText('t').toString()).toBe(content)
    expect(room.hibernating).toBe(false)
    await until(() => room.hibernating)
    await room.change((doc) => doc.getMap('locks').set('s1', true))
    expect(room.doc.getMap('locks').get('s1')).toBe(true)
    expect(room.doc.getText('t').toString()).toBe(content)
  })

  it('does not hibernate while changes keep coming', async () => {
    let hibernations = 0
    const room = hibernatingRoom(new MemoryDocumentStore(), [{ onHibernate: () => hibernations++ }])
    await room.load()
    const writer = connect(room)
    const reader = listen(room)
    const started = Date.now()
    // Changes 5 ms apart for five times the quiet period: never asleep in between.
    while (Date.now() - started < 150) {
      const seen = updatesIn(reader.received).length
      room.receive(writer.connection, encodeUpdateMessage(textUpdate('x')))
      await until(() => updatesIn(reader.received).length > seen)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(hibernations).toBe(0)
    expect(room.hibernating).toBe(false)
    await until(() => room.hibernating)
    expect(hibernations).toBe(1)
  })

  it('answers a partly synced client exactly as the Y.Doc would, deletions included', async () => {
    const { room, writer, client } = await typedAbcdef()
    await until(() => room.doc.getText('t').toString() === 'abcdef')
    const partial = Y.encodeStateVector(room.doc)
    const behind = new Y.Doc()
    Y.applyUpdate(behind, Y.encodeStateAsUpdate(room.doc))
    const before = Y.encodeStateVector(client)
    client.getText('t').delete(1, 2)
    client.getText('t').insert(4, 'xyz')
    room.receive(writer.connection, encodeUpdateMessage(Y.encodeStateAsUpdate(client, before)))
    await until(() => room.doc.getText('t').toString() === client.getText('t').toString())
    const expected = Y.encodeStateAsUpdate(room.doc, partial)
    await until(() => room.hibernating)

    const { connection, received } = listen(room)
    room.receive(connection, encodeSyncStep1(partial))
    await until(() => received.some((message) => message.type === 'sync-step2'))
    expect(room.hibernating).toBe(true)
    const reply = received.find((message) => message.type === 'sync-step2')
    const viaDoc = new Y.Doc()
    Y.applyUpdate(viaDoc, Y.encodeStateAsUpdate(behind))
    Y.applyUpdate(viaDoc, expected)
    if (reply?.type === 'sync-step2') Y.applyUpdate(behind, reply.update)
    expect(behind.getText('t').toString()).toBe(client.getText('t').toString())
    expect(behind.getText('t').toString()).toBe(viaDoc.getText('t').toString())
  })

  it("stays asleep for a reconnecting client's handshake that repeats what it has, and wakes for a new deletion", async () => {
    const { room, writer, client } = await typedAbcdef()
    const before = Y.encodeStateVector(client)
    client.getText('t').delete(1, 2)
    room.receive(writer.connection, encodeUpdateMessage(Y.encodeStateAsUpdate(client, before)))
    await until(() => room.doc.getText('t').toString() === 'adef')
    await until(() => room.hibernating)

    // The stock handshake: the server's step 1, the client's step 2 with all it has beyond it (here
    // nothing but its deletions, which the server has too).
    const again = listen(room)
    const step1 = again.received.find((message) => message.type === 'sync-step1')
    const serverVector = step1?.type === 'sync-step1' ? step1.stateVector : new Uint8Array()
    room.receive(again.connection, encodeSyncStep2(Y.encodeStateAsUpdate(client, serverVector)))
    room.receive(again.connection, encodeSyncStep1(Y.encodeStateVector(client)))
    await until(() => again.received.some((message) => message.type === 'sync-step2'))
    expect(room.hibernating).toBe(true)

    // Offline meanwhile, the client deleted more: its step 2 carries that deletion, which wakes the room.
    client.getText('t').delete(0, 1)
    const other = listen(room)
    room.receive(other.connection, encodeSyncStep2(Y.encodeStateAsUpdate(client, serverVector)))
    await until(() => !room.hibernating)
    expect(room.doc.getText('t').toString()).toBe('def')
  })

  it('leaves the log of a document other instances also write to uncompacted', async () => {
    const store = new MemoryDocumentStore()
    const room = hibernatingRoom(store)
    await room.load()
    room.shared = true
    const writer = connect(room)
    for (const text of ['a', 'b']) room.receive(writer.connection, encodeUpdateMessage(textUpdate(text)))
    await until(() => room.doc.getText('t').length === 2)
    // Another instance appended an entry this room has not received (its fan-out is late).
    await store.appendUpdates('doc', [textUpdate('elsewhere')])
    const entries = await store.countUpdates('doc')
    await until(() => room.hibernating)
    expect(await store.countUpdates('doc')).toBe(entries)
  })

  it('unloads a hibernating room with its state stored', async () => {
    const { store, room, content } = await hibernatedWith(['a', 'b'])
    expect(await room.unload()).toBe(true)
    // A late reader (an HTTP handler that held the room) still sees the content, not an empty document.
    expect(room.doc.getText('t').toString()).toBe(content)
    const stored = new Y.Doc()
    for (const update of (await store.load('doc')).updates) Y.applyUpdate(stored, update)
    expect(stored.getText('t').toString()).toBe(content)
  })
})

describe('Room handshake replies', () => {
  /** Runs queued promise callbacks only: no timer, no I/O and no setImmediate gets a turn. */
  async function microtasksOnly(): Promise<void> {
    for (let i = 0; i < 100; i++) await Promise.resolve()
  }

  it('answers a handshake at once when nothing waits to be stored', async () => {
    const room = newRoom(new MemoryDocumentStore())
    await room.load()
    const writer = connect(room)
    room.receive(writer.connection, encodeUpdateMessage(textUpdate('stored')))
    await until(() => room.doc.getText('t').length > 0)
    await room.idle()
    const { connection, received } = connect(room)
    room.receive(connection, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    // In a reconnect storm the poll phase runs for hundreds of milliseconds: a reply that waits
    // for the next turn (setImmediate) waits for all of it.
    await microtasksOnly()
    expect(syncedText(received)).toBe('stored')
    await room.idle()
  })

  it('answers a handshake that arrives during a commit once the commit is stored, with it', async () => {
    const { store, room } = await roomWithHeldBatch('pending')
    const { connection, received } = connect(room)
    room.receive(connection, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve))
    expect(received.some((message) => message.type === 'sync-step2')).toBe(false)
    store.release()
    await until(() => received.some((message) => message.type === 'sync-step2'))
    expect(syncedText(received)).toBe('pending')
  })
})

describe('an update Yjs throws on half-way', () => {
  /**
   * Client 3000's item (applied first: Yjs takes higher client ids first), then client 10's struct
   * that continues, past what the room knows, content the room has collected: Yjs throws on it
   * after integrating the first part.
   */
  function halfApplicable(room: Room): Uint8Array {
    const writer = new Y.Doc()
    writer.clientID = 10
    const outer = writer.getXmlFragment('f')
    const kept = new Y.XmlElement('p')
    kept.insert(0, [new Y.XmlText('kvar')])
    const gone = new Y.XmlElement('p')
    gone.insert(0, [new Y.XmlText('borta')])
    outer.insert(0, [kept, gone])
    Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(writer))
    room.doc.getXmlFragment('f').delete(1, 1)
    const known = Y.getState(room.doc.store, 10)
    const keptItem = ((room.doc.getXmlFragment('f').get(0) as Y.XmlElement).get(0) as Y.XmlText)._start as Y.Item
    const crash = new Y.UpdateEncoderV1()
    crash.writeLen(1)
    crash.writeLen(1)
    crash.writeClient(10)
    crash.writeLen(known - 1)
    new Y.Item(Y.createID(10, known - 1), null, Y.createID(keptItem.id.client, keptItem.id.clock + 2), null, null, null, null, new Y.ContentString('XY')).write(crash, 0)
    crash.writeLen(0)
    const first = new Y.Doc()
    first.clientID = 3000
    first.getText('t').insert(0, 'halv')
    return Y.mergeUpdates([Y.encodeStateAsUpdate(first), crash.toUint8Array()])
  }

  it('keeps none of it: not stored, not broadcast, not in the document, and the room works on', async () => {
    const store = new MemoryDocumentStore()
    const room = newRoom(store)
    await room.load()
    const update = halfApplicable(room)
    await room.change(() => undefined)
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const reader = connect(room, 'reader')
    const closes: number[] = []
    const sender = new Connection({ send: () => undefined, close: (code) => void closes.push(code) }, { userId: 'x', name: 'X', role: 'editor', color: '#000' })
    room.connect(sender)
    room.receive(sender, encodeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc())))
    room.receive(sender, encodeUpdateMessage(update))
    await until(() => closes.length > 0)
    await room.idle()
    expect(closes).toEqual([4400])
    expect(room.doc.getText('t').toString()).toBe('')
    const stored = new Y.Doc()
    for (const entry of (await store.load('doc')).updates) Y.applyUpdate(stored, entry)
    expect(stored.getText('t').toString()).toBe('')
    expect(updatesIn(reader.received).some((message) => message.type === 'sync-update' && message.update.byteLength > 0 && (() => {
      const probe = new Y.Doc()
      Y.applyUpdate(probe, message.update)
      return probe.getText('t').toString().includes('halv')
    })())).toBe(false)
    expect(logged.mock.calls.some((call) => String(call[0]).includes('återuppbyggt'))).toBe(true)
    logged.mockRestore()

    room.receive(reader.connection, encodeUpdateMessage(textUpdate('hel')))
    await until(() => room.doc.getText('t').toString() === 'hel')
    await room.idle()
    const again = new Y.Doc()
    for (const entry of (await store.load('doc')).updates) Y.applyUpdate(again, entry)
    expect(again.getText('t').toString()).toBe('hel')
  })
})

describe('a server change that throws half-way', () => {
  it('leaves nothing of it in the document, and the next change stores only itself', async () => {
    const store = new MemoryDocumentStore()
    const room = newRoom(store)
    await room.load()
    const reader = connect(room, 'reader')
    await room.change((doc) => doc.getText('t').insert(0, 'före'))
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await expect(room.change((doc) => {
      doc.getText('t').insert(0, 'halv ')
      throw new Error('Unexpected content type')
    })).rejects.toThrow('Unexpected content type')
    logged.mockRestore()
    expect(room.doc.getText('t').toString()).toBe('före')

    await room.change((doc) => doc.getMap('m').set('k', 1))
    const stored = new Y.Doc()
    for (const entry of (await store.load('doc')).updates) Y.applyUpdate(stored, entry)
    expect(stored.getText('t').toString()).toBe('före')
    expect(stored.getMap('m').get('k')).toBe(1)
    const seen = new Y.Doc()
    for (const message of updatesIn(reader.received)) if (message.type === 'sync-update') Y.applyUpdate(seen, message.update)
    expect(seen.getText('t').toString()).toBe('före')
  })
})
