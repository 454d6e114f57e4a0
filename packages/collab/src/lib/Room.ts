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
import { presenceFits } from './presenceFits.ts'
import type { RoomExtension } from './RoomExtension.ts'
import { UpdateRejectedError } from './UpdateRejectedError.ts'

export interface RoomOptions {
  documentId: string
  store: DocumentStore
  extensions: readonly RoomExtension[]
  limits: ConnectionLimits & { maxDocumentBytes: number }
  /** Compact the stored log once it holds this many entries. */
  compactAfter: number
  /** Waits between attempts to store a batch while storage is down (default 250 ms doubling to 5 s). */
  storageRetryMs?: { first: number; max: number }
  /**
   * After this long without a change, an open room keeps its document only in encoded form (see
   * `hibernate`). Unset or 0: never.
   */
  hibernateAfterMs?: number
  /**
   * A presence renewal (a client re-announcing an unchanged state so others do not time it out
   * after 30 s) is broadcast within this long, with the others of that span (default 1 s).
   * Changed presence goes out on the next turn.
   */
  presenceRenewalMs?: number
  /**
   * How many presence ids the room remembers the owner of (default 5 000). Beyond that it forgets
   * those of ids no connection holds or announced and nobody shows, least recently used first.
   */
  maxPresenceIds?: number
}

/** Who a presence id belongs to while the room is open (see `Room.claimPresence`). */
interface PresenceOwner {
  userId: string
  /** The document's clock for the id when this user came to hold it: what was written under it before. */
  writtenBefore: number
}

interface Inbound {
  connection: Connection
  message: IncomingMessage
}

type DeleteSet = ReturnType<typeof Y.createDeleteSetFromStructStore>

/** A hibernating room's document: its encoded state, and what connecting clients are checked against. */
interface Dormant {
  state: Uint8Array
  /** Sent to every connecting client, so kept rather than read from the state each time. */
  stateVector: Uint8Array
  /** A reconnecting client's sync step 2 repeats these deletions, which must not wake the room. */
  deletes: DeleteSet
}

/** Origin of changes the server makes itself (lock API, restores). */
export const SERVER_ORIGIN = Symbol('server')

/** Origin of changes another server instance already stored (scale-out fan-out): never stored again. */
export const REMOTE_ORIGIN = Symbol('remote')

/** A service an instance may lose for a while: the database, or the fan-out to other instances. */
export type ServerService = 'storage' | 'fanout'

/** The presence state the server publishes while a service is unavailable (clients show a notice). */
export interface ServerStatusState {
  server: Partial<Record<ServerService, 'unavailable'>>
}

/** Thrown by `change()` while the room cannot store: the server refuses changes it cannot persist. */
export class StorageUnavailableError extends Error {
  /** Lets the HTTP error handler answer 503 without importing the collaboration core. */
  readonly code = 'STORAGE_UNAVAILABLE'

  constructor() {
    super('storage unavailable')
    this.name = 'StorageUnavailableError'
  }
}

/**
 * One open document: its Y.Doc, awareness and connections. Knows no transport and no framework.
 *
 * Messages are processed in batches, one per event-loop turn and one at a time: every update in a
 * batch is checked and applied, the batch is stored in one append, and only then is one merged
 * update broadcast and are sync replies sent. So nobody sees state that is not yet durable. (A sync
 * step 1 that finds nothing applied and unstored is answered at once, from durable state.)
 *
 * A room nobody has changed for `hibernateAfterMs` drops its Y.Doc and keeps the encoded state
 * (a Y.Doc takes several times its encoded size in memory): connecting clients are still synced
 * from the encoded state, and the first change, or any use of `doc`, rebuilds the Y.Doc.
 */
export class Room {
  /** The live document, or undefined while the room hibernates (`dormant` holds it then). */
  private current: Y.Doc | undefined
  private dormant: Dormant | undefined
  private hibernateTimer: NodeJS.Timeout | undefined
  private lastChange = 0
  /** Presence lives as long as the room, so it has its own (empty) doc, not the hibernating one. */
  private readonly presenceDoc: Y.Doc
  /** The whole document encoded, shared by the clients that have nothing yet; dropped on every change. */
  private wholeState: Uint8Array | undefined
  readonly awareness: awarenessProtocol.Awareness
  readonly connections = new Set<Connection>()
  private inbox: Inbound[] = []
  private turnQueued = false
  private tail: Promise<void> = Promise.resolve()
  /** Tasks in the queue, the running one included. */
  private queued = 0
  private unsaved: Uint8Array[] = []
  /**
   * Set when Yjs threw half-way through applying a client's update: the Y.Doc may hold part of it,
   * which nobody checked as a whole. The batch's other updates wait for a resend, and the document
   * is rebuilt from storage before anything is stored, broadcast or answered (see `rebuild`).
   */
  private halfApplied = false
  private changedAwareness = new Set<number>()
  private awarenessQueued = false
  /** Updates from other instances waiting for their turn in the queue, and that turn. */
  private remoteInbox: Uint8Array[] = []
  private remoteTurn: Promise<void> | undefined
  /** Set by the awareness 'change' event (it precedes 'update'): the pending update changes what others see. */
  private presenceChanged = false
  private renewalTimer: NodeJS.Timeout | undefined
  private lastSeq = 0
  private logLength = 0
  private approxSize = 0
  /** True while a batch could not be stored: client writes are refused until it is (see `commit`). */
  storageDown = false
  /**
   * Connections whose plain updates are dropped until their next sync step 2, which carries
   * everything the server lacks: new connections until the handshake completes (an update typed
   * before it may build on edits this server never got, e.g. after a failover), and connections
   * whose writes were refused while storage was down.
   */
  private readonly awaitingResend = new Set<Connection>()
  private readonly unavailable = new Set<ServerService>()
  private closing = false
  /** Set once a remote update was dropped during a storage outage: catch up from the store after it. */
  private missedRemote = false
  /** Set by `unload()`, cleared by `keep()`: an unload only destroys a room nobody reopened meanwhile. */
  private unloadRequested = false
  private destroyed = false
  /**
   * Other server instances append to this document's log too (scale-out). Compaction then first
   * merges the stored log, so it never replaces entries this instance has not yet received.
   */
  shared = false
  private localAwareness = new Set<number>()
  /** Who each presence id belongs to, least recently used first (see `claimPresence`). */
  private readonly presenceOwners = new Map<number, PresenceOwner>()

  constructor(private readonly options: RoomOptions) {
    this.current = this.newDoc()
    this.presenceDoc = new Y.Doc({ guid: `${options.documentId}#presence` })
    this.awareness = new awarenessProtocol.Awareness(this.presenceDoc)
    // The server has no presence of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('change', () => {
      this.presenceChanged = true
    })
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      for (const id of [...(added ?? []), ...(updated ?? []), ...(removed ?? [])]) {
        this.changedAwareness.add(id)
        // Only presence of this instance's own clients is announced to other instances ('local' is
        // the server's own storage status, which concerns this instance only).
        if (origin !== REMOTE_ORIGIN && origin !== 'timeout' && origin !== 'local') this.localAwareness.add(id)
      }
      if (this.presenceChanged) this.queueAwarenessBroadcast()
      else this.queueRenewalBroadcast()
      this.presenceChanged = false
    })
  }

  get documentId(): string {
    return this.options.documentId
  }

  /** The document; rebuilt from its encoded state if the room was hibernating. */
  get doc(): Y.Doc {
    return this.current ?? this.wake()
  }

  /** True while the room keeps its document only in encoded form. */
  get hibernating(): boolean {
    return this.current === undefined && this.dormant !== undefined
  }

  /** A Y.Doc holding `state` (already stored), whose further changes are collected for storing. */
  private newDoc(state?: Uint8Array): Y.Doc {
    // Our own guid: Yjs' default draws 31 random numbers, a quarter of a millisecond per room.
    const doc = new Y.Doc({ gc: true, guid: this.options.documentId })
    if (state) Y.applyUpdate(doc, state, SERVER_ORIGIN)
    this.wholeState = undefined
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.wholeState = undefined
      // Remote updates are already durable (another instance stored them).
      if (origin !== REMOTE_ORIGIN) this.unsaved.push(update)
    })
    return doc
  }

  private wake(): Y.Doc {
    const doc = this.newDoc(this.dormant?.state)
    this.dormant = undefined
    this.current = doc
    if (this.destroyed) {
      doc.destroy()
      return doc
    }
    this.changed()
    this.notifyExtensions('onWake', (extension) => extension.onWake?.({ room: this, doc }))
    return doc
  }

  private stateVector(): Uint8Array {
    return this.current || !this.dormant ? Y.encodeStateVector(this.doc) : this.dormant.stateVector
  }

  /** What a client with `stateVector` lacks, answered from the encoded state while hibernating. */
  private missingFor(stateVector: Uint8Array): Uint8Array {
    const hasNothing = stateVector.byteLength === 1 && stateVector[0] === 0
    if (!this.current && this.dormant) return hasNothing ? this.dormant.state : Y.diffUpdate(this.dormant.state, stateVector)
    // Clients that have nothing yet (a new browser, many at once when a meeting starts) share one encoding.
    if (hasNothing) return (this.wholeState ??= Y.encodeStateAsUpdate(this.doc))
    return Y.encodeStateAsUpdate(this.doc, stateVector)
  }

  /** Notes a change: the room hibernates only `hibernateAfterMs` after the last one. */
  private changed(): void {
    const after = this.options.hibernateAfterMs
    if (!after || this.destroyed) return
    this.lastChange = Date.now()
    this.armHibernation(after)
  }

  private armHibernation(delayMs: number): void {
    if (this.hibernateTimer) return
    this.hibernateTimer = setTimeout(() => {
      this.hibernateTimer = undefined
      this.enqueue(() => this.hibernate()).catch((error: unknown) => console.error(`Dokument ${this.documentId}: viloläget misslyckades`, error))
    }, delayMs)
    this.hibernateTimer.unref()
  }

  /**
   * Runs in the queue, so no batch is half done: keeps the document as its encoded state, compacts
   * the stored log to that state (a later load is then one entry), and frees the Y.Doc and what
   * extensions derived from it. Not while anything is pending or storage is down.
   */
  private async hibernate(): Promise<void> {
    const doc = this.current
    const after = this.options.hibernateAfterMs ?? 0
    if (!doc || this.destroyed) return
    const quietFor = Date.now() - this.lastChange
    if (quietFor < after || this.storageDown || this.halfApplied || this.unsaved.length > 0 || this.inbox.length > 0) {
      // Changed meanwhile (or busy): try again once it has been quiet long enough.
      this.armHibernation(quietFor < after ? after - quietFor : after)
      return
    }
    // Unchanged since a new client was sent the whole document: that encoding is the state.
    const state = this.wholeState ?? Y.encodeStateAsUpdate(doc)
    // Another instance may have appended entries this one has not seen: only unload compacts then.
    if (!this.shared) {
      try {
        await this.compact(state)
      } catch (error) {
        console.error(`Dokument ${this.documentId}: komprimering misslyckades (${errorMessage(error)}).`)
      }
    }
    if (this.current !== doc || this.unsaved.length > 0) return
    this.dormant = { state, stateVector: Y.encodeStateVector(doc), deletes: Y.createDeleteSetFromStructStore(doc.store) }
    this.current = undefined
    this.wholeState = undefined
    // The dropped doc goes with the hook: reading `room.doc` there would build a new one.
    this.notifyExtensions('onHibernate', (extension) => extension.onHibernate?.({ room: this, doc }))
    doc.destroy()
  }

  async load(): Promise<void> {
    const [stored] = await Promise.all([
      this.options.store.load(this.documentId),
      ...this.options.extensions.map((extension) => extension.beforeLoadDocument?.({ room: this })),
    ])
    Y.transact(this.doc, () => {
      for (const update of stored.updates) Y.applyUpdate(this.doc, update)
    }, SERVER_ORIGIN)
    this.unsaved = []
    this.lastSeq = stored.lastSeq
    this.logLength = stored.updates.length
    this.approxSize = stored.updates.reduce((sum, update) => sum + update.byteLength, 0)
    for (const extension of this.options.extensions) extension.onLoadDocument?.({ room: this, doc: this.doc })
    this.changed()
  }

  connect(connection: Connection): void {
    const { maxUnreadBytes } = this.options.limits
    if (maxUnreadBytes !== undefined) connection.maxUnreadBytes = maxUnreadBytes
    this.connections.add(connection)
    this.awaitingResend.add(connection)
    for (const extension of this.options.extensions) extension.onConnect?.({ room: this, connection })
    connection.send(encodeSyncStep1(this.stateVector()))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) {
      connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)))
    }
  }

  disconnect(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    connection.closed = true
    this.awaitingResend.delete(connection)
    if (connection.awarenessClientId !== undefined) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [connection.awarenessClientId], 'disconnect')
    }
    this.touchPresenceOwner(connection.presenceClaim)
    for (const extension of this.options.extensions) extension.onDisconnect?.({ room: this, connection })
  }

  /** Takes one raw frame from a connection. Bad frames close that connection and nothing else. */
  receive(connection: Connection, data: Uint8Array): void {
    if (connection.closed || this.destroyed) return
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
    if (message.type === 'sync-step1' && this.queued === 0 && this.unsaved.length === 0 && !this.storageDown && !this.halfApplied) {
      // Nothing applied waits to be stored, so the document as it is may be sent: no need to wait
      // for a turn, which comes after the poll phase, and in a reconnect storm that phase runs for
      // hundreds of milliseconds. (Frames not yet taken are not applied: they are not in it. A
      // batch abandoned at shutdown is in it, unstored: hence `storageDown`.)
      this.answerSyncStep1(connection, message.stateVector)
      return
    }
    if (message.type !== 'sync-step1' && (this.storageDown || this.awaitingResend.size > 0) && this.dropsWrite(connection, message.type)) return
    this.inbox.push({ connection, message })
    if (!this.turnQueued) {
      this.turnQueued = true
      // The batch is taken when its turn in the queue comes, not when it is scheduled: frames
      // that arrive while a commit is in flight join the next batch and share its fsync.
      setImmediate(() => {
        this.enqueue(() => {
          this.turnQueued = false
          const batch = this.inbox
          this.inbox = []
          return this.processBatch(batch)
        }).catch((error: unknown) => {
          // Abandoned on shutdown during an outage: nobody was told the batch was stored.
          if (!(error instanceof StorageUnavailableError)) console.error('processing a batch failed', error)
        })
      })
    }
  }

  /**
   * Runs a change the server makes itself (e.g. writing `locks`) through the same
   * store-then-broadcast path as client updates. `prepare` runs first in the same turn of the
   * queue, so nothing lands between what it reads or stores (a restore point) and the change;
   * if it throws, nothing is written. If `fn` throws, what it wrote before is dropped (the document
   * is rebuilt from what is stored, as after a half-applied client update) and the error passes on:
   * a change is all or nothing.
   */
  change(fn: (doc: Y.Doc) => void, options: { prepare?: (doc: Y.Doc) => Promise<void> } = {}): Promise<void> {
    if (this.storageDown) return Promise.reject(new StorageUnavailableError())
    return this.enqueue(async () => {
      // Unloaded meanwhile (shutdown): its document no longer stores anything.
      if (this.destroyed) throw new StorageUnavailableError()
      await options.prepare?.(this.doc)
      const unsavedBefore = this.unsaved.length
      try {
        Y.transact(this.doc, () => fn(this.doc), SERVER_ORIGIN)
      } catch (error) {
        if (this.unsaved.length > unsavedBefore) {
          this.unsaved.length = unsavedBefore
          this.halfApplied = true
          await this.rebuild()
        }
        throw error
      }
      await this.commit([])
    })
  }

  /**
   * Runs `read` on the document in the queue, where everything applied before it is also stored.
   * Outside the queue the document may hold a client's batch whose append is still under way (and
   * could yet fail): what an export, a diff or a check report shows must survive a crash. Refused
   * while storage is down, like `change`.
   */
  read<T>(read: (doc: Y.Doc) => T): Promise<T> {
    if (this.storageDown) return Promise.reject(new StorageUnavailableError())
    return this.enqueue(async () => {
      if (this.storageDown || this.destroyed) throw new StorageUnavailableError()
      return read(this.doc)
    })
  }

  /**
   * Applies an update another instance has already stored, in order with local batches, without
   * storing it again, and broadcasts it. If it depends on something this instance missed, the
   * missing state is loaded from the store (idempotent: it is a CRDT).
   *
   * While storage is down the queue is stuck behind the retry of a local batch for as long as the
   * outage lasts, so remote updates are dropped rather than queued without bound; the room catches
   * up from the store once it can store again.
   */
  applyRemote(update: Uint8Array): Promise<void> {
    if (this.storageDown) {
      this.missedRemote = true
      return Promise.resolve()
    }
    this.remoteInbox.push(update)
    // Updates that arrive while one waits for its turn join it and share its broadcast, as a
    // client's frames do: a busy fan-out then costs a large room one broadcast per turn, not one each.
    this.remoteTurn ??= this.enqueue(() => {
      this.remoteTurn = undefined
      const updates = this.remoteInbox
      this.remoteInbox = []
      return this.applyRemoteUpdates(updates)
    })
    return this.remoteTurn
  }

  private async applyRemoteUpdates(updates: Uint8Array[]): Promise<void> {
    const before = Y.encodeStateVector(this.doc)
    const applied: Uint8Array[] = []
    for (const update of updates) {
      try {
        Y.applyUpdate(this.doc, update, REMOTE_ORIGIN)
        applied.push(update)
        this.approxSize += update.byteLength
      } catch (error) {
        // Stored by another instance, so it should never be malformed; the others still count.
        console.error(`Dokument ${this.documentId}: en ändring från en annan serverinstans kunde inte läsas (${errorMessage(error)}).`)
      }
    }
    const missed = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null
    if (missed) {
      const stored = await this.options.store.load(this.documentId)
      Y.transact(this.doc, () => {
        for (const entry of stored.updates) Y.applyUpdate(this.doc, entry, REMOTE_ORIGIN)
      }, REMOTE_ORIGIN)
    }
    if (!missed && applied.length === 0) return
    this.changed()
    const merged = missed ? Y.encodeStateAsUpdate(this.doc, before) : applied.length === 1 ? applied[0]! : Y.mergeUpdates(applied)
    const frame = encodeUpdateMessage(merged)
    for (const connection of this.connections) connection.send(frame)
  }

  /**
   * Loads everything other instances stored and broadcasts what this instance lacked: after the
   * fan-out was interrupted (Redis reconnect), a document that gets no further updates would
   * otherwise never show the gap.
   */
  catchUp(): Promise<void> {
    return this.enqueue(async () => {
      const stored = await this.options.store.load(this.documentId)
      const missed: Uint8Array[] = []
      const collect = (update: Uint8Array) => missed.push(update)
      this.doc.on('update', collect)
      try {
        Y.transact(this.doc, () => {
          for (const entry of stored.updates) Y.applyUpdate(this.doc, entry, REMOTE_ORIGIN)
        }, REMOTE_ORIGIN)
      } finally {
        this.doc.off('update', collect)
      }
      this.lastSeq = Math.max(this.lastSeq, stored.lastSeq)
      for (const update of missed) {
        const frame = encodeUpdateMessage(update)
        for (const connection of this.connections) connection.send(frame)
      }
    })
  }

  /**
   * Applies presence from another instance's clients and broadcasts it to local clients. A client
   * there may have learnt this server's id here: that entry is dropped, as in `receiveAwareness`.
   */
  applyRemoteAwareness(update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update)
    const others = entries.filter((entry) => entry.clientId !== this.awareness.clientID)
    if (others.length === 0) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, others.length === entries.length ? update : encodeAwarenessUpdate(others), REMOTE_ORIGIN)
  }

  /** Resolves once everything received so far is processed (for unloading and tests). */
  idle(): Promise<void> {
    return this.tail
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.queued++
    const run = this.tail.then(task)
    this.tail = run.then(
      () => void this.queued--,
      () => void this.queued--,
    )
    return run
  }

  private async processBatch(batch: Inbound[]): Promise<void> {
    // Frames taken before the room was unloaded (shutdown): a destroyed document stores nothing,
    // and the senders resend what the server lacks when they reconnect.
    if (this.destroyed) return
    const replies: Array<{ connection: Connection; stateVector: Uint8Array }> = []
    const authors = new Set<Connection>()
    for (const { connection, message } of batch) {
      if (connection.closed) continue
      if (message.type === 'sync-step1') {
        replies.push({ connection, stateVector: message.stateVector })
      } else if (message.type === 'sync-step2' || message.type === 'sync-update') {
        // Not applied to a document that holds half an update: asked for again after the rebuild.
        if (this.halfApplied) this.awaitingResend.add(connection)
        else if (this.applyClientUpdate(connection, message.update)) authors.add(connection)
      }
    }
    await this.commit([...authors])
    // Still down after commit returned: retries were abandoned for shutdown, and the document may
    // hold a batch that was never stored. Nobody may be sent that.
    if (this.storageDown) return
    for (const { connection, stateVector } of replies) this.answerSyncStep1(connection, stateVector)
  }

  private answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    try {
      connection.send(encodeSyncStep2(this.missingFor(stateVector)))
    } catch {
      connection.close(CloseCodes.malformed)
    }
  }

  private applyClientUpdate(connection: Connection, update: Uint8Array): boolean {
    if (this.approxSize + update.byteLength > this.options.limits.maxDocumentBytes) {
      connection.close(CloseCodes.tooLarge)
      return false
    }
    // Every client sends its deletions in its handshake: if that is all, a hibernating room stays asleep.
    if (!this.current && this.dormant && addsNothing(update, this.dormant)) return false
    const unsavedBefore = this.unsaved.length
    // A connection refused the presence id it announced may be its rightful owner (see `takeBackPresence`).
    const refused = connection.presenceClaim !== connection.awarenessClientId ? connection.presenceClaim : undefined
    const claim = refused !== undefined && (this.presenceOwners.get(refused)?.writtenBefore ?? 0) > 0 ? refused : undefined
    let applying = false
    try {
      for (const extension of this.options.extensions) extension.beforeApplyUpdate?.({ room: this, connection, update })
      const claimedBefore = claim === undefined ? 0 : Y.getState(this.doc.store, claim)
      applying = true
      Y.applyUpdate(this.doc, update, connection)
      this.approxSize += update.byteLength
      if (claim !== undefined && Y.getState(this.doc.store, claim) > claimedBefore) this.takeBackPresence(claim, connection)
      return true
    } catch (error) {
      if (applying) {
        // What Yjs integrated before throwing is in the document and was emitted: drop it.
        this.unsaved.length = unsavedBefore
        this.halfApplied = true
      }
      if (error instanceof UpdateRejectedError) {
        connection.close(error.event)
        return false
      }
      // Bytes that cannot be read, or a check that failed on them. (The permission check decodes
      // the whole update first, so a corrupt one fails before Yjs integrates any part of it.)
      // Logged, because the second is our bug, and its client reconnects and sends the update again.
      console.error(`Dokument ${this.documentId}: en uppdatering från ${connection.context.userId} kunde inte tas emot (${errorMessage(error)}).`)
      connection.close(CloseCodes.malformed)
      return false
    }
  }

  /**
   * Replaces a document that holds half an update by the stored state plus this batch's updates
   * applied whole (still unsaved), then asks connections whose updates were skipped to resend.
   * Extensions let go of the old Y.Doc and take the new one as after hibernation.
   */
  private async rebuild(): Promise<void> {
    const stored = await this.options.store.load(this.documentId)
    const old = this.current
    const doc = this.newDoc(Y.mergeUpdates([...stored.updates, ...this.unsaved]))
    this.current = doc
    this.dormant = undefined
    this.lastSeq = stored.lastSeq
    this.logLength = stored.updates.length
    this.approxSize = [...stored.updates, ...this.unsaved].reduce((sum, update) => sum + update.byteLength, 0)
    this.halfApplied = false
    console.error(`Dokument ${this.documentId}: en uppdatering gick inte att tillämpa hel; dokumentet är återuppbyggt från det sparade.`)
    if (old) {
      this.notifyExtensions('onHibernate', (extension) => extension.onHibernate?.({ room: this, doc: old }))
      old.destroy()
    }
    this.notifyExtensions('onWake', (extension) => extension.onWake?.({ room: this, doc }))
    const resync = encodeSyncStep1(Y.encodeStateVector(doc))
    for (const connection of this.awaitingResend) if (!connection.closed) connection.send(resync)
  }

  /** Stores what changed since the last commit, then broadcasts it once to every connection. */
  private async commit(authors: Connection[]): Promise<void> {
    if (this.halfApplied) await this.rebuild()
    if (this.unsaved.length === 0) return
    const updates = this.unsaved
    this.unsaved = []
    this.changed()
    try {
      // Awaited only when there is something to store first: no extra turn on a typing update's path.
      const before = this.beforeStore()
      if (before) await before
      this.lastSeq = await this.options.store.appendUpdates(this.documentId, updates)
    } catch (error) {
      await this.storeThroughOutage(updates, error)
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
    if (this.logLength >= this.options.compactAfter) {
      // The batch is stored and broadcast: a failed compaction must not fail it (its sync replies
      // and `change()` callers wait on this). The log stays long, so a later commit tries again.
      try {
        await this.compact()
      } catch (error) {
        console.error(`Dokument ${this.documentId}: komprimering misslyckades (${errorMessage(error)}); försöker igen senare.`)
      }
    }
  }

  /** What extensions store ahead of a batch; nothing to wait for (no promise) in the usual case. */
  private beforeStore(): Promise<unknown> | undefined {
    let pending: Array<void | Promise<void>> | undefined
    for (const extension of this.options.extensions) {
      const stored = extension.beforeStoreUpdates?.({ room: this })
      if (stored) (pending ??= []).push(stored)
    }
    return pending && Promise.all(pending)
  }

  /**
   * Storage failed with a batch in memory that nobody but its authors has seen. Keeps it (not
   * broadcast, not answered in sync replies: they wait in the queue), refuses further client
   * writes, tells clients through the server's presence state, and retries with backoff until
   * the batch is stored. Then clients whose writes were refused are asked to resend (sync step 1;
   * the stock provider answers with everything the server lacks), so nothing they typed is lost.
   */
  private async storeThroughOutage(updates: Uint8Array[], firstError: unknown): Promise<void> {
    this.storageDown = true
    this.reportService('storage', false)
    console.error(`Dokument ${this.documentId}: kan inte spara (${errorMessage(firstError)}); försöker igen.`)
    const { first, max } = this.options.storageRetryMs ?? { first: 250, max: 5_000 }
    for (let wait = first; ; wait = Math.min(wait * 2, max)) {
      await new Promise((resolve) => setTimeout(resolve, wait))
      // Shutting down: the batch was never acknowledged, its authors resend it to another instance.
      if (this.closing) throw new StorageUnavailableError()
      try {
        await this.beforeStore()
        this.lastSeq = await this.options.store.appendUpdates(this.documentId, updates)
        break
      } catch {
        // Still down; the next attempt waits longer.
      }
    }
    this.storageDown = false
    this.reportService('storage', true)
    console.log(`Dokument ${this.documentId}: sparar igen.`)
    const resync = encodeSyncStep1(Y.encodeStateVector(this.doc))
    for (const connection of this.awaitingResend) connection.send(resync)
    if (this.missedRemote) {
      this.missedRemote = false
      // Queued after this batch (awaiting it here would wait on itself).
      this.catchUp().catch((error: unknown) => {
        this.missedRemote = true
        console.error(`Dokument ${this.documentId}: kunde inte hämta andra instansers ändringar (${errorMessage(error)}).`)
      })
    }
  }

  /** Tells this room's clients, through the server's own presence state, what does not work now. */
  reportService(service: ServerService, available: boolean): void {
    if (available === !this.unavailable.has(service)) return
    if (available) this.unavailable.delete(service)
    else this.unavailable.add(service)
    const server: ServerStatusState['server'] = {}
    for (const down of this.unavailable) server[down] = 'unavailable'
    this.awareness.setLocalState(this.unavailable.size > 0 ? ({ server } satisfies ServerStatusState) : null)
  }

  /**
   * While storage is down every client write is dropped (the sender keeps it and resends it on
   * request). A connection awaiting its resend has its plain updates dropped, since they may build
   * on what the server lacks; the sync step 2 it sends next contains them all.
   */
  private dropsWrite(connection: Connection, type: IncomingMessage['type']): boolean {
    if (this.storageDown) {
      this.awaitingResend.add(connection)
      return true
    }
    if (!this.awaitingResend.has(connection)) return false
    if (type === 'sync-step2') {
      this.awaitingResend.delete(connection)
      return false
    }
    return true
  }

  /**
   * Replaces the stored log by one snapshot of the current state. Runs inside the queue. `encoded`:
   * the current state when the caller has it already (a shared room first takes in what other
   * instances stored, so it encodes its own).
   */
  async compact(encoded?: Uint8Array): Promise<void> {
    // The stored log is right and the document is not: nothing may be compacted from it.
    if (this.logLength <= 1 || this.lastSeq === 0 || this.halfApplied) return
    if (this.shared) {
      const stored = await this.options.store.load(this.documentId)
      Y.transact(this.doc, () => {
        for (const entry of stored.updates) Y.applyUpdate(this.doc, entry, REMOTE_ORIGIN)
      }, REMOTE_ORIGIN)
      this.lastSeq = Math.max(this.lastSeq, stored.lastSeq)
      encoded = undefined
    }
    const snapshot = encoded ?? (this.current || !this.dormant ? Y.encodeStateAsUpdate(this.doc) : this.dormant.state)
    await this.options.store.compact(this.documentId, snapshot, this.lastSeq)
    this.logLength = 1
    this.approxSize = snapshot.byteLength
  }

  /** For shutdown: stop retrying a batch storage refused (nobody was told it was stored). */
  abandonStorageRetries(): void {
    this.closing = true
  }

  /**
   * Compacts (if worthwhile) once all queued work is done, including a batch still waiting for
   * storage, then frees memory, unless `keep()` was called meanwhile or `release` answers false
   * (the owner forgets the room in it, so nobody is handed a destroyed room). Resolves true once
   * the room is destroyed.
   */
  unload(release: () => boolean = () => true): Promise<boolean> {
    this.unloadRequested = true
    return this.enqueue(async () => {
      if (this.destroyed) return false
      try {
        await this.compact()
      } catch (error) {
        console.error(`Dokument ${this.documentId}: komprimering misslyckades (${errorMessage(error)}).`)
      }
      if (!this.unloadRequested || !release()) return false
      this.destroy()
      return true
    }).catch(() => false)
  }

  /** Cancels a pending `unload()`: the room was reopened before it was destroyed. */
  keep(): void {
    this.unloadRequested = false
  }

  private destroy(): void {
    this.destroyed = true
    clearTimeout(this.hibernateTimer)
    clearTimeout(this.renewalTimer)
    this.awareness.destroy()
    this.presenceDoc.destroy()
    this.current?.destroy()
    this.wholeState = undefined
    // `dormant` stays: a late reader of `doc` gets the content (in a destroyed doc), as before.
    this.notifyExtensions('onUnload', (extension) => extension.onUnload?.({ room: this }))
  }

  /** Runs a lifecycle hook of every extension; one that throws is logged and stops no other. */
  private notifyExtensions(hook: 'onWake' | 'onHibernate' | 'onUnload', run: (extension: RoomExtension) => void): void {
    for (const extension of this.options.extensions) {
      try {
        run(extension)
      } catch (error) {
        console.error(`${hook} failed`, error)
      }
    }
  }

  /**
   * Presence ids (a client's Yjs client id) belong to users, so nobody can take over someone's
   * presence: an id belongs, while the room is open, to the first user who announced it here; a
   * connection holds only the first id it announces, and only if that id is free or its user's (the
   * same user may hold it twice, e.g. reconnecting before the server noticed the old socket was gone).
   * Another user announcing it while its owner is between sockets is refused, so the owner's
   * presence is not silently dropped when they are back. Should someone have announced it first
   * (after a restart, before its owner reconnected), the owner takes it back by writing under it
   * (see `takeBackPresence`); for that the room notes what had been written under the id then.
   */
  private claimPresence(clientId: number, connection: Connection): void {
    connection.presenceClaim ??= clientId
    if (connection.presenceClaim !== clientId) return
    const { userId } = connection.context
    const owner = this.presenceOwners.get(clientId)
    if (owner !== undefined && owner.userId !== userId) return
    if (owner === undefined) {
      this.presenceOwners.set(clientId, { userId, writtenBefore: this.writtenUnder(clientId) })
      this.forgetPresenceOwners()
    }
    connection.awarenessClientId = clientId
  }

  /**
   * `connection` created items under the presence id it was refused, which had been written under
   * before its holder announced it. The update guard (`clientIdBinding`) lets a user write under an
   * id only if nobody else has: those earlier items are this user's, so the id is theirs, and the
   * holder announced it after them (after a restart, when the room knew no owners). Whoever holds
   * it loses it and its state is removed, so the owner's next state is applied above the clock the
   * other left (see `presenceClock`).
   *
   * A write under an id nobody had written under when its holder announced it proves nothing: the
   * guard lets anyone make it (every viewer's id, every editor's who has not typed since loading
   * the page), and the writer would take the holder's presence.
   */
  private takeBackPresence(clientId: number, connection: Connection): void {
    this.presenceOwners.delete(clientId)
    this.presenceOwners.set(clientId, { userId: connection.context.userId, writtenBefore: this.writtenUnder(clientId) })
    for (const other of this.connections) if (other.awarenessClientId === clientId) other.awarenessClientId = undefined
    connection.awarenessClientId = clientId
    if (this.awareness.getStates().has(clientId)) awarenessProtocol.removeAwarenessStates(this.awareness, [clientId], 'taken-back')
  }

  /** The document's clock for `clientId` (0: nothing written under it), read without waking the room. */
  private writtenUnder(clientId: number): number {
    if (this.current) return Y.getState(this.current.store, clientId)
    return this.dormant ? (Y.decodeStateVector(this.dormant.stateVector).get(clientId) ?? 0) : 0
  }

  /** Marks an id's owner as the most recently used (its connection just closed, or it was taken back). */
  private touchPresenceOwner(clientId: number | undefined): void {
    const owner = clientId === undefined ? undefined : this.presenceOwners.get(clientId)
    if (clientId === undefined || owner === undefined) return
    this.presenceOwners.delete(clientId)
    this.presenceOwners.set(clientId, owner)
  }

  /**
   * Keeps the owners the room remembers within `maxPresenceIds` (every page load brings a new id),
   * forgetting the least recently used of those no connection holds or announced and nobody shows,
   * with the room's last clock for them. An owner between sockets is among the most recently used,
   * and one who has written under their id takes it back anyway should it be forgotten.
   */
  private forgetPresenceOwners(): void {
    const max = this.options.maxPresenceIds ?? 5_000
    if (this.presenceOwners.size <= max) return
    const inUse = new Set<number>()
    for (const connection of this.connections) if (connection.presenceClaim !== undefined) inUse.add(connection.presenceClaim)
    for (const clientId of this.presenceOwners.keys()) {
      if (this.presenceOwners.size <= max) return
      // A removal not yet broadcast is encoded from the last clock: kept until it has gone out.
      if (inUse.has(clientId) || this.awareness.states.has(clientId) || this.changedAwareness.has(clientId)) continue
      this.presenceOwners.delete(clientId)
      this.awareness.meta.delete(clientId)
    }
  }

  private receiveAwareness(connection: Connection, update: Uint8Array): void {
    let entries: AwarenessEntry[]
    try {
      entries = decodeAwarenessUpdate(update, (clientId) => {
        // The server's own id carries its status notices: no client may overwrite or clear them.
        if (clientId === this.awareness.clientID) return false
        if (connection.awarenessClientId === undefined) this.claimPresence(clientId, connection)
        return clientId === connection.awarenessClientId
      })
    } catch {
      connection.close(CloseCodes.malformed)
      return
    }
    const accepted: AwarenessEntry[] = []
    for (const entry of entries) {
      if (entry.state && !presenceFits(entry.state, this.options.limits.maxAwarenessBytes)) {
        connection.close(CloseCodes.tooLarge)
        return
      }
      accepted.push({ ...entry, clock: this.presenceClock(entry), state: entry.state && withSessionIdentity(entry.state, connection) })
    }
    if (accepted.length === 0) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), connection)
  }

  /**
   * A state for an id the room shows none of is applied above the room's last clock for that id.
   * Its client may not know that clock: the room removed its state when its socket closed (a
   * reconnecting provider announces its unchanged state with the clock it had, which the room and
   * every client would take for old news until the 15 s renewal), or another user held the id and
   * raised its clock until `takeBackPresence`. The client adopts the clock the room sends back for
   * its own id, and the echo it then sends is old news: nothing loops.
   */
  private presenceClock(entry: AwarenessEntry): number {
    const known = this.awareness.meta.get(entry.clientId)
    if (!known || entry.state === null || this.awareness.states.has(entry.clientId)) return entry.clock
    return Math.max(entry.clock, known.clock + 1)
  }

  /**
   * Renewals only keep a state alive, so they can wait: when clients connected together (a
   * reconnect storm), their renewals come together too, and one frame per span instead of one per
   * client keeps that N² burst from delaying everything else.
   */
  private queueRenewalBroadcast(): void {
    if (this.renewalTimer || this.awarenessQueued) return
    this.renewalTimer = setTimeout(() => {
      this.renewalTimer = undefined
      this.queueAwarenessBroadcast()
    }, this.options.presenceRenewalMs ?? 1_000)
    this.renewalTimer.unref()
  }

  private queueAwarenessBroadcast(): void {
    if (this.awarenessQueued) return
    this.awarenessQueued = true
    // Presence is N² traffic: collapse all changes of one turn into one frame per room.
    setImmediate(() => {
      this.awarenessQueued = false
      clearTimeout(this.renewalTimer)
      this.renewalTimer = undefined
      if (this.changedAwareness.size === 0) {
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

/**
 * True if applying `update` to the document with this state vector and these deletions would change
 * nothing: no item beyond the state vector, no deletion not already made. Unreadable: false (the
 * normal path then refuses it).
 */
function addsNothing(update: Uint8Array, { stateVector, deletes }: Dormant): boolean {
  try {
    const known = Y.decodeStateVector(stateVector)
    for (const [client, clock] of Y.parseUpdateMeta(update).to) if (clock > (known.get(client) ?? 0)) return false
    for (const [client, items] of Y.decodeUpdate(update).ds.clients) {
      const have = deletes.clients.get(client) ?? []
      for (const { clock, len } of items) if (!covered(have, clock, clock + len)) return false
    }
    return true
  } catch {
    return false
  }
}

/** Whether sorted, merged deletion ranges cover [from, to). */
function covered(ranges: ReadonlyArray<{ clock: number; len: number }>, from: number, to: number): boolean {
  if (from >= to) return true
  for (const range of ranges) {
    if (range.clock > from) return false
    if (range.clock + range.len >= to) return true
    if (range.clock + range.len > from) from = range.clock + range.len
  }
  return from >= to
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The name and colour others see come from the session, never from the client. */
function withSessionIdentity(state: Record<string, unknown>, connection: Connection): Record<string, unknown> {
  const { userId, name, color } = connection.context
  return { ...state, user: { id: userId, name, color } }
}
