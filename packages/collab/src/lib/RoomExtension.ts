import type * as Y from 'yjs'
import type { Connection } from './Connection.ts'
import type { Room } from './Room.ts'

export interface BeforeApplyUpdatePayload {
  room: Room
  connection: Connection
  update: Uint8Array
}

export interface AfterStoreUpdatePayload {
  room: Room
  /** The merged update that was stored and broadcast. */
  update: Uint8Array
  /** Connections whose updates were in it (empty for server changes). */
  authors: Connection[]
}

export interface ConnectionPayload {
  room: Room
  connection: Connection
}

/**
 * A room extension is an object of optional hooks (after hocuspocus' extensions).
 * Hooks run in the order the composition root lists the extensions.
 */
export interface RoomExtension {
  /** Throw `UpdateRejectedError` to refuse the update: it is not applied, stored or broadcast. */
  beforeApplyUpdate?(payload: BeforeApplyUpdatePayload): void
  /** After an update is durable and broadcast: audit, fan-out, "last changed" bookkeeping. */
  afterStoreUpdate?(payload: AfterStoreUpdatePayload): void | Promise<void>
  /** After presence of this instance's own clients changed: `update` is the encoded awareness update (fan-out). */
  afterAwarenessUpdate?(payload: { room: Room; update: Uint8Array }): void
  onConnect?(payload: ConnectionPayload): void
  onDisconnect?(payload: ConnectionPayload): void
  /** Before the document is loaded, awaited with the load: read what the other hooks need for it. */
  beforeLoadDocument?(payload: { room: Room }): void | Promise<void>
  /**
   * Before each batch of updates is appended (and before each retry), awaited: store what must be
   * durable no later than the batch. A failure counts as the append's.
   */
  beforeStoreUpdates?(payload: { room: Room }): void | Promise<void>
  /** Called once the document is loaded into memory. */
  onLoadDocument?(payload: { room: Room; doc: Y.Doc }): void
  /**
   * The room dropped its Y.Doc to save memory (it hibernates; `room.doc` would rebuild a new one,
   * so use `doc`, the one dropped): drop anything derived from or listening to it.
   */
  onHibernate?(payload: { room: Room; doc: Y.Doc }): void
  /**
   * The room rebuilt its Y.Doc from the encoded state (the first use after hibernating), before
   * anything is applied to it: set up again what listened to the old one.
   */
  onWake?(payload: { room: Room; doc: Y.Doc }): void
  /** Called once the room has left memory: drop any per-document state kept for it. */
  onUnload?(payload: { room: Room }): void
  /**
   * Shutdown: every room has been unloaded (`RoomRegistry.closeAll`), and the stores close once
   * this resolves. Finish the work `onUnload` started (e.g. a write it could not await).
   */
  onDestroy?(): void | Promise<void>
}
