import { UpdateRejectedError, type Room, type RoomExtension } from '@samskriv/collab'
import { CloseCodes } from '@samskriv/protocol'
import * as Y from 'yjs'

/**
 * Yjs credits every item to a client id, and everyone sees every id. So that nobody writes under
 * someone else's (e.g. to have text credited to them), the first user who creates items with a
 * client id in a room owns it there; an update creating items under an id owned by another user is
 * refused. Items already in the document do not count: a reconnecting client resends its own.
 *
 * The bindings live in memory per room: after a restart (or unload) the first use binds again.
 * Run it after `permissions()`, whose guard refuses Skips and gaps, so the clock range an update
 * names per client is what it creates.
 */
export function clientIdBinding(): RoomExtension {
  const owners = new Map<Room, Map<number, string>>()
  return {
    beforeApplyUpdate({ room, connection, update }) {
      const { userId } = connection.context
      let bound = owners.get(room)
      const created = createdClientIds(room.doc, update)
      if (created.length === 0) return
      if (!bound) owners.set(room, (bound = new Map()))
      for (const client of created) {
        const owner = bound.get(client)
        if (owner !== undefined && owner !== userId) throw new UpdateRejectedError(CloseCodes.forbidden, 'Ändringen är gjord i en annan användares namn.')
      }
      for (const client of created) bound.set(client, userId)
    },
    onUnload({ room }) {
      owners.delete(room)
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
