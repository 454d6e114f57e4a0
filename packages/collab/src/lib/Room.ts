import {
  CloseCodes,
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAwarenessMessage,
  encodeAwarenessUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
  MalformedMessageError,
  type AwarenessEntry,
  type IncomingMessage,
} from '@samskriv/protocol'
import type { DocumentStore } from '@samskriv/storage'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Connection, ConnectionLimits } from './Connection.ts'
import type { RoomExtension } from './RoomExtension.ts'
import { UpdateRejectedError } from './UpdateRejectedError.ts'

export interface RoomOptions {
  documentId: string
  store: DocumentStore
  extensions: readonly RoomExtension[]
  limits: ConnectionLimits & { maxDocumentBytes: number }
  /** Compact the stored log once it holds this many entries. */
  compactAfter: number
  /** Called when the room can no longer trust its memory (storage failed) and must be dropped. */
  onBroken: (room: Room) => void
}

interface Inbound {
  connection: Connection
  message: IncomingMessage
}

/** Origin of changes the server makes itself (lock API, restores). */
export const SERVER_ORIGIN = Symbol('server')

/** Origin of changes another server instance already stored (scale-out fan-out): never stored again. */
export const REMOTE_ORIGIN = Symbol('remote')

/**
 * One open document: its Y.Doc, awareness and connections. Knows no transport and no framework.
 *
 * Messages are processed in batches, one per event-loop turn and one at a time: every update in a
 * batch is checked and applied, the batch is stored in one append, and only then is one merged
 * update broadcast and are sync replies sent. So nobody sees state that is not yet durable.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness: awarenessProtocol.Awareness
  readonly connections = new Set<Connection>()
  private inbox: Inbound[] = []
  private turnQueued = false
  private tail: Promise<void> = Promise.resolve()
  private unsaved: Uint8Array[] = []
  private changedAwareness = new Set<number>()
  private awarenessQueued = false
  private lastSeq = 0
  private logLength = 0
  private approxSize = 0
  broken = false
  /**
   * Other server instances append to this document's log too (scale-out). Compaction then first
   * merges the stored log, so it never replaces entries this instance has not yet received.
   */
  shared = false
  private localAwareness = new Set<number>()

  constructor(private readonly options: RoomOptions) {
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    // The server has no presence of its own.
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // Remote updates are already durable (another instance stored them).
      if (origin !== REMOTE_ORIGIN) this.unsaved.push(update)
    })
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      for (const id of [...(added ?? []), ...(updated ?? []), ...(removed ?? [])]) {
        this.changedAwareness.add(id)
        // Only presence of this instance's own clients is announced to other instances.
        if (origin !== REMOTE_ORIGIN && origin !== 'timeout') this.localAwareness.add(id)
      }
      this.queueAwarenessBroadcast()
    })
  }

  get documentId(): string {
    return this.options.documentId
  }

  async load(): Promise<void> {
    const stored = await this.options.store.load(this.documentId)
    Y.transact(this.doc, () => {
      for (const update of stored.updates) Y.applyUpdate(this.doc, update)
    }, SERVER_ORIGIN)
    this.unsaved = []
    this.lastSeq = stored.lastSeq
    this.logLength = stored.updates.length
    this.approxSize = stored.updates.reduce((sum, update) => sum + update.byteLength, 0)
    for (const extension of this.options.extensions) extension.onLoadDocument?.({ room: this, doc: this.doc })
  }

  connect(connection: Connection): void {
    this.connections.add(connection)
    for (const extension of this.options.extensions) extension.onConnect?.({ room: this, connection })
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) {
      connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)))
    }
  }

  disconnect(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    connection.closed = true
    if (connection.awarenessClientId !== undefined) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [connection.awarenessClientId], 'disconnect')
    }
    for (const extension of this.options.extensions) extension.onDisconnect?.({ room: this, connection })
  }

  /** Takes one raw frame from a connection. Bad frames close that connection and nothing else. */
  receive(connection: Connection, data: Uint8Array): void {
    if (connection.closed) return
    if (!connection.countMessage(this.options.limits.messagesPerSecond)) {
      connection.close(CloseCodes.rateLimited)
      return
    }
    let message: IncomingMessage
    try {
      message = decodeMessage(data)
    } catch (error) {
      if (error instanceof MalformedMessageError) connection.close(CloseCodes.malformed)
      return
    }
    if (message.type === 'awareness') {
      this.receiveAwareness(connection, message.update)
      return
    }
    if (message.type === 'query-awareness') {
      const states = [...this.awareness.getStates().keys()]
      connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)))
      return
    }
    if (message.type === 'auth') return
    this.inbox.push({ connection, message })
    if (!this.turnQueued) {
      this.turnQueued = true
      setImmediate(() => {
        this.turnQueued = false
        const batch = this.inbox
        this.inbox = []
        this.enqueue(() => this.processBatch(batch))
      })
    }
  }

  /**
   * Runs a change the server makes itself (e.g. writing `locks`) through the same
   * store-then-broadcast path as client updates.
   */
  change(fn: (doc: Y.Doc) => void): Promise<void> {
    return this.enqueue(async () => {
      Y.transact(this.doc, () => fn(this.doc), SERVER_ORIGIN)
      await this.commit([])
    })
  }

  /**
   * Applies an update another instance has already stored, in order with local batches, without
   * storing it again, and broadcasts it. If it depends on something this instance missed, the
   * missing state is loaded from the store (idempotent: it is a CRDT).
   */
  applyRemote(update: Uint8Array): Promise<void> {
    return this.enqueue(async () => {
      const before = Y.encodeStateVector(this.doc)
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN)
      const missed = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null
      if (missed) {
        const stored = await this.options.store.load(this.documentId)
        Y.transact(this.doc, () => {
          for (const entry of stored.updates) Y.applyUpdate(this.doc, entry, REMOTE_ORIGIN)
        }, REMOTE_ORIGIN)
      }
      this.approxSize += update.byteLength
      const frame = encodeUpdateMessage(missed ? Y.encodeStateAsUpdate(this.doc, before) : update)
      for (const connection of this.connections) connection.send(frame)
    })
  }

  /** Applies presence from another instance's clients and broadcasts it to local clients. */
  applyRemoteAwareness(update: Uint8Array): void {
    if (this.broken) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
  }

  /** Resolves once everything received so far is processed (for unloading and tests). */
  idle(): Promise<void> {
    return this.tail
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.tail.then(() => (this.broken ? undefined : task()))
    this.tail = run.catch(() => undefined)
    return run
  }

  private async processBatch(batch: Inbound[]): Promise<void> {
    const replies: Array<{ connection: Connection; stateVector: Uint8Array }> = []
    const authors = new Set<Connection>()
    for (const { connection, message } of batch) {
      if (connection.closed) continue
      if (message.type === 'sync-step1') {
        replies.push({ connection, stateVector: message.stateVector })
      } else if (message.type === 'sync-step2' || message.type === 'sync-update') {
        if (this.applyClientUpdate(connection, message.update)) authors.add(connection)
      }
    }
    await this.commit([...authors])
    for (const { connection, stateVector } of replies) {
      try {
        connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)))
      } catch {
        connection.close(CloseCodes.malformed)
      }
    }
  }

  private applyClientUpdate(connection: Connection, update: Uint8Array): boolean {
    if (this.approxSize + update.byteLength > this.options.limits.maxDocumentBytes) {
      connection.close(CloseCodes.tooLarge)
      return false
    }
    try {
      for (const extension of this.options.extensions) extension.beforeApplyUpdate?.({ room: this, connection, update })
      Y.applyUpdate(this.doc, update, connection)
      this.approxSize += update.byteLength
      return true
    } catch (error) {
      connection.close(error instanceof UpdateRejectedError ? error.event : CloseCodes.malformed)
      return false
    }
  }

  /** Stores what changed since the last commit, then broadcasts it once to every connection. */
  private async commit(authors: Connection[]): Promise<void> {
    if (this.unsaved.length === 0) return
    const updates = this.unsaved
    this.unsaved = []
    try {
      this.lastSeq = await this.options.store.appendUpdates(this.documentId, updates)
    } catch {
      // Memory now holds changes that are not durable: drop the room so nobody builds on them.
      // Clients reconnect and resend from their own copies, so nothing they typed is lost.
      this.broken = true
      for (const connection of this.connections) connection.close(CloseCodes.storageUnavailable)
      this.options.onBroken(this)
      return
    }
    this.logLength += updates.length
    const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates)
    const frame = encodeUpdateMessage(merged)
    for (const connection of this.connections) connection.send(frame)
    for (const extension of this.options.extensions) {
      try {
        await extension.afterStoreUpdate?.({ room: this, update: merged, authors })
      } catch (error) {
        console.error('afterStoreUpdate failed', error)
      }
    }
    if (this.logLength >= this.options.compactAfter) await this.compact()
  }

  /** Replaces the stored log by one snapshot of the current state. Runs inside the queue. */
  async compact(): Promise<void> {
    if (this.logLength <= 1 || this.lastSeq === 0) return
    if (this.shared) {
      const stored = await this.options.store.load(this.documentId)
      Y.transact(this.doc, () => {
        for (const entry of stored.updates) Y.applyUpdate(this.doc, entry, REMOTE_ORIGIN)
      }, REMOTE_ORIGIN)
      this.lastSeq = Math.max(this.lastSeq, stored.lastSeq)
    }
    const snapshot = Y.encodeStateAsUpdate(this.doc)
    await this.options.store.compact(this.documentId, snapshot, this.lastSeq)
    this.logLength = 1
    this.approxSize = snapshot.byteLength
  }

  /** Compacts (if worthwhile) once all queued work is done, then frees memory. */
  async unload(): Promise<void> {
    await this.enqueue(() => this.compact()).catch(() => undefined)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private receiveAwareness(connection: Connection, update: Uint8Array): void {
    let entries: AwarenessEntry[]
    try {
      entries = decodeAwarenessUpdate(update)
    } catch {
      connection.close(CloseCodes.malformed)
      return
    }
    const accepted: AwarenessEntry[] = []
    for (const entry of entries) {
      // Bound to the connection: the first client id it announces is the only one it may set.
      connection.awarenessClientId ??= entry.clientId
      if (entry.clientId !== connection.awarenessClientId) continue
      if (entry.state && JSON.stringify(entry.state).length > this.options.limits.maxAwarenessBytes) {
        connection.close(CloseCodes.tooLarge)
        return
      }
      accepted.push({ ...entry, state: entry.state && withSessionIdentity(entry.state, connection) })
    }
    if (accepted.length === 0) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), connection)
  }

  private queueAwarenessBroadcast(): void {
    if (this.awarenessQueued) return
    this.awarenessQueued = true
    // Presence is N² traffic: collapse all changes of one turn into one frame per room.
    setImmediate(() => {
      this.awarenessQueued = false
      if (this.changedAwareness.size === 0 || this.broken) {
        this.localAwareness.clear()
        return
      }
      const ids = [...this.changedAwareness]
      this.changedAwareness.clear()
      const frame = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids))
      for (const connection of this.connections) connection.send(frame)
      const local = [...this.localAwareness]
      this.localAwareness.clear()
      if (local.length === 0) return
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, local)
      for (const extension of this.options.extensions) {
        try {
          extension.afterAwarenessUpdate?.({ room: this, update })
        } catch (error) {
          console.error('afterAwarenessUpdate failed', error)
        }
      }
    })
  }
}

/** The name and colour others see come from the session, never from the client. */
function withSessionIdentity(state: Record<string, unknown>, connection: Connection): Record<string, unknown> {
  const { userId, name, color } = connection.context
  return { ...state, user: { id: userId, name, color } }
}
