import type { DocumentStore } from '@samskriv/storage'
import type { ConnectionLimits } from './Connection.ts'
import { CloseCodes } from '@samskriv/protocol'
import { Room, StorageUnavailableError } from './Room.ts'
import type { RoomExtension } from './RoomExtension.ts'

export interface RoomRegistryOptions {
  store: DocumentStore
  extensions: readonly RoomExtension[]
  limits: ConnectionLimits & { maxDocumentBytes: number }
  /** How long an empty room stays in memory before it is unloaded. */
  unloadAfterMs: number
  compactAfter: number
  /** How long an open room stays unchanged before it keeps its document only encoded (0: never). */
  hibernateAfterMs?: number
}

/**
 * Open rooms by document id: loads on first use, unloads after the last client leaves.
 *
 * An unloading room stays registered until it is destroyed: its unload waits behind the room's
 * queue (possibly a batch retried through a storage outage), and a second room for the same
 * document meanwhile would miss that batch and later lose its own updates to the first room's
 * compaction. Reopening it in that time cancels the unload and hands out the same room.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>()
  /** The same rooms once loaded, so unloading can drop an entry without awaiting. */
  private readonly loaded = new Map<string, Room>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  /** Rooms whose unload is under way and not cancelled by a reopen. */
  private readonly unloading = new Set<Room>()
  /** Set by `closeAll`: no room opens after it (a new one would not see what the old one stores). */
  private closed = false

  constructor(private readonly options: RoomRegistryOptions) {}

  /** The open room of a document, loading it from the store if needed. */
  open(documentId: string): Promise<Room> {
    if (this.closed) return Promise.reject(new StorageUnavailableError())
    this.cancelUnload(documentId)
    const existing = this.rooms.get(documentId)
    if (existing) return existing
    const room = new Room({
      documentId,
      store: this.options.store,
      extensions: this.options.extensions,
      limits: this.options.limits,
      compactAfter: this.options.compactAfter,
      hibernateAfterMs: this.options.hibernateAfterMs,
    })
    const loading = room.load().then(() => {
      this.loaded.set(documentId, room)
      return room
    })
    this.rooms.set(documentId, loading)
    loading.catch(() => this.rooms.delete(documentId))
    return loading
  }

  /** The room if it is open, without loading it. */
  peek(documentId: string): Room | undefined {
    return this.loaded.get(documentId)
  }

  openDocumentIds(): string[] {
    return [...this.rooms.keys()]
  }

  /** Called when a connection leaves; schedules the unload of an empty room. */
  release(room: Room): void {
    if (room.connections.size > 0 || this.closed) return
    this.cancelUnload(room.documentId)
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.documentId)
      if (room.connections.size === 0) void this.unload(room)
    }, this.options.unloadAfterMs)
    timer.unref()
    this.unloadTimers.set(room.documentId, timer)
  }

  private cancelUnload(documentId: string): void {
    const timer = this.unloadTimers.get(documentId)
    if (timer) clearTimeout(timer)
    this.unloadTimers.delete(documentId)
    const room = this.loaded.get(documentId)
    if (room && this.unloading.delete(room)) room.keep()
  }

  private async unload(room: Room): Promise<void> {
    this.unloading.add(room)
    // Forgets the room in the same step the room destroys itself, so `open()` never returns a
    // destroyed room and a new one only loads once everything this one held is stored.
    await room.unload(() => {
      if (!this.unloading.delete(room) || room.connections.size > 0) return false
      if (this.loaded.get(room.documentId) === room) {
        this.loaded.delete(room.documentId)
        this.rooms.delete(room.documentId)
      }
      return true
    })
  }

  /**
   * Unloads every room (compacting), for shutdown: opens no room after it, skips rooms that failed
   * to load, and then closes every connection (clients reconnect, to another instance or to this
   * one restarted, and resend what it lacks). Resolves once every extension's `onDestroy` settled.
   */
  async closeAll(): Promise<void> {
    this.closed = true
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    const settled = await Promise.allSettled(this.rooms.values())
    const rooms = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
    this.rooms.clear()
    this.loaded.clear()
    // Unloads already under way step aside: each room is destroyed once, below.
    this.unloading.clear()
    for (const room of rooms) room.abandonStorageRetries()
    // Frames already received take their turn (one per room, after the poll phase) before the unloads queue up.
    await new Promise((resolve) => setImmediate(resolve))
    await Promise.all(rooms.map((room) => room.unload()))
    // Only now: frames a room had received but not yet taken are stored by its unload above.
    for (const room of rooms) for (const connection of room.connections) connection.close(CloseCodes.storageUnavailable)
    // What the unloads started (`onUnload` cannot be awaited) is written before the stores close.
    const destroyed = await Promise.allSettled(this.options.extensions.map(async (extension) => extension.onDestroy?.()))
    for (const result of destroyed) if (result.status === 'rejected') console.error('onDestroy failed', result.reason)
  }
}
