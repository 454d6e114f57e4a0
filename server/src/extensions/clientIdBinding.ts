import { UpdateRejectedError, type RoomExtension } from '@samskriv/collab'
import { CloseCodes } from '@samskriv/protocol'
import type { ClientIdBinding, ClientIdStore } from '@samskriv/storage'
import * as Y from 'yjs'

/**
 * Yjs credits every item to a client id, and everyone sees every id. So that nobody writes under
 * someone else's (e.g. to have text credited to them, or to take the clocks of someone's offline
 * work so that it is dropped when they reconnect), the first user who creates items with a client
 * id in a document owns it there; an update creating items under an id owned by another user is
 * refused. Items already in the document do not count: a reconnecting client resends its own.
 *
 * The bindings are stored (`ClientIdStore`), each no later than the first batch written under it,
 * and read again when the document is loaded: a restart or an unload forgets none. Each user holds
 * at most `maxIdsPerUser` ids per document (every page load brings a new one); beyond that the
 * user's own least recently used id is forgotten, never another user's, so nobody can push
 * someone's ids out by claiming many. Run it after `permissions()`, whose guard refuses Skips and
 * gaps, so the clock range an update names per client is what it creates.
 *
 * Several instances: each reads the stored bindings when it loads the document; one made on
 * another instance after that is not seen here until the next load.
 */
export function clientIdBinding(store: ClientIdStore, maxIdsPerUser = 1_000): RoomExtension {
  const documents = new Map<string, DocumentBindings>()
  return {
    async beforeLoadDocument({ room }) {
      documents.set(room.documentId, new DocumentBindings(await store.clientIds(room.documentId), maxIdsPerUser))
    },
    beforeApplyUpdate({ room, connection, update }) {
      const { userId } = connection.context
      const created = createdClientIds(room.doc, update)
      if (created.length === 0) return
      let bindings = documents.get(room.documentId)
      if (!bindings) documents.set(room.documentId, (bindings = new DocumentBindings([], maxIdsPerUser)))
      if (created.some((client) => !bindings.mayUse(client, userId))) {
        throw new UpdateRejectedError(CloseCodes.forbidden, 'Ändringen är gjord i en annan användares namn.')
      }
      for (const client of created) bindings.bind(client, userId)
    },
    beforeStoreUpdates({ room }) {
      const bindings = documents.get(room.documentId)
      const changes = bindings?.takeChanges()
      if (!bindings || !changes) return
      return store.bindClientIds(room.documentId, changes.bound, changes.released).catch((error: unknown) => {
        // Not stored: kept for the room's retry of the batch, which calls this again.
        bindings.putBack(changes)
        throw error
      })
    },
    onUnload({ room }) {
      documents.delete(room.documentId)
    },
  }
}

/**
 * One document's client ids: who owns each, each user's ids least recently used first, and what
 * changed since the last store.
 */
class DocumentBindings {
  private readonly owners = new Map<number, string>()
  private readonly byUser = new Map<string, Set<number>>()
  private bound: ClientIdBinding[] = []
  private released: number[] = []

  constructor(stored: readonly ClientIdBinding[], private readonly maxIdsPerUser: number) {
    for (const [client, userId] of stored) this.remember(client, userId)
  }

  mayUse(client: number, userId: string): boolean {
    const owner = this.owners.get(client)
    return owner === undefined || owner === userId
  }

  bind(client: number, userId: string): void {
    if (!this.owners.has(client)) {
      this.bound.push([client, userId])
      // Released and bound again before the store: stored as bound (the store inserts, then deletes).
      this.released = this.released.filter((released) => released !== client)
    }
    for (const forgotten of this.remember(client, userId)) this.released.push(forgotten)
  }

  /** Changes whose store failed, ahead of any made since. */
  putBack(changes: { bound: ClientIdBinding[]; released: number[] }): void {
    this.bound = [...changes.bound, ...this.bound]
    this.released = [...changes.released.filter((client) => !this.bound.some(([bound]) => bound === client)), ...this.released]
  }

  /** What to store before the batch that made it, or undefined when nothing changed. */
  takeChanges(): { bound: ClientIdBinding[]; released: number[] } | undefined {
    if (this.bound.length === 0 && this.released.length === 0) return undefined
    const changes = { bound: this.bound, released: this.released }
    this.bound = []
    this.released = []
    return changes
  }

  /** Binds `client` to `userId` as its most recent id; returns the user's ids forgotten beyond the bound. */
  private remember(client: number, userId: string): number[] {
    let held = this.byUser.get(userId)
    if (!held) this.byUser.set(userId, (held = new Set()))
    // Re-inserted, so the set's order is least recently used first.
    held.delete(client)
    held.add(client)
    this.owners.set(client, userId)
    const forgotten: number[] = []
    for (const oldest of held) {
      if (held.size <= this.maxIdsPerUser) break
      held.delete(oldest)
      this.owners.delete(oldest)
      forgotten.push(oldest)
    }
    return forgotten
  }
}

/** The client ids under which `update` creates structs `doc` does not have yet. */
export function createdClientIds(doc: Y.Doc, update: Uint8Array): number[] {
  const { to } = Y.parseUpdateMeta(update)
  const created: number[] = []
  for (const [client, end] of to) {
    if (end > Y.getState(doc.store, client)) created.push(client)
  }
  return created
}
