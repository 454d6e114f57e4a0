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
 * again. Run it after `permissions()`, whose guard refuses Skips and gaps, so the clock range an
 * update names per client is what it creates.
 */
export function clientIdBinding(maxIdsPerDocument = 10_000): RoomExtension {
  const owners = new Map<string, Map<number, string>>()
  return {
    beforeApplyUpdate({ room, connection, update }) {
      const { userId } = connection.context
      const created = createdClientIds(room.doc, update)
      if (created.length === 0) return
      let bound = owners.get(room.documentId)
      if (!bound) owners.set(room.documentId, (bound = new Map()))
      for (const client of created) {
        const owner = bound.get(client)
        if (owner !== undefined && owner !== userId) throw new UpdateRejectedError(CloseCodes.forbidden, 'Ändringen är gjord i en annan användares namn.')
      }
      for (const client of created) {
        // Re-inserted, so the map's order is least recently used first.
        bound.delete(client)
        bound.set(client, userId)
      }
      // Every page load brings a new id: forget the oldest rather than grow without end.
      for (const client of bound.keys()) {
        if (bound.size <= maxIdsPerDocument) break
        bound.delete(client)
      }
    },
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
