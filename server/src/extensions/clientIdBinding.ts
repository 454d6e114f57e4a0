import { UpdateRejectedError, type RoomExtension } from '@samskriv/collab'
import { CloseCodes } from '@samskriv/protocol'
import * as Y from 'yjs'

/**
 * Yjs credits every item to a client id, and everyone sees every id. So that nobody writes under
 * someone else's (e.g. to have text credited to them, or to take the clocks of someone's offline
 * work so that it is dropped when they reconnect), the first user who creates items with a client
 * id in a document owns it there; an update creating items under an id owned by another user is
 * refused. Items already in the document do not count: a reconnecting client resends its own.
 *
 * The bindings are kept per document, in memory, beyond the room's unload: a user offline while
 * nobody has the document open keeps their ids. A restart forgets them and the first use binds
 * again. Each user holds at most `maxIdsPerUser` ids per document (every page load brings a new
 * one); beyond that the user's own least recently used id is forgotten, never another user's, so
 * nobody can push someone's ids out by claiming many. Run it after `permissions()`, whose guard
 * refuses Skips and gaps, so the clock range an update names per client is what it creates.
 */
export function clientIdBinding(maxIdsPerUser = 1_000): RoomExtension {
  const documents = new Map<string, DocumentBindings>()
  return {
    beforeApplyUpdate({ room, connection, update }) {
      const { userId } = connection.context
      const created = createdClientIds(room.doc, update)
      if (created.length === 0) return
      let bindings = documents.get(room.documentId)
      if (!bindings) documents.set(room.documentId, (bindings = new DocumentBindings()))
      if (created.some((client) => !bindings.mayUse(client, userId))) {
        throw new UpdateRejectedError(CloseCodes.forbidden, 'Ändringen är gjord i en annan användares namn.')
      }
      for (const client of created) bindings.bind(client, userId, maxIdsPerUser)
    },
  }
}

/** One document's client ids: who owns each, and each user's ids, least recently used first. */
class DocumentBindings {
  private readonly owners = new Map<number, string>()
  private readonly byUser = new Map<string, Set<number>>()

  mayUse(client: number, userId: string): boolean {
    const owner = this.owners.get(client)
    return owner === undefined || owner === userId
  }

  bind(client: number, userId: string, maxIdsPerUser: number): void {
    let held = this.byUser.get(userId)
    if (!held) this.byUser.set(userId, (held = new Set()))
    // Re-inserted, so the set's order is least recently used first.
    held.delete(client)
    held.add(client)
    this.owners.set(client, userId)
    for (const oldest of held) {
      if (held.size <= maxIdsPerUser) break
      held.delete(oldest)
      this.owners.delete(oldest)
    }
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
