import type { Room, RoomRegistry } from '@samskriv/collab'

export interface CatchUpRoomsOptions {
  /** True once the fan-out is lost again: a pending retry then waits for the next reconnect. */
  subscriptionLost: () => boolean
  /** Wait before a room that could not catch up tries again (default 5 s). */
  retryMs?: number
}

/**
 * After the fan-out was interrupted, every open room reloads what other instances stored while
 * this one heard nothing. A room's "fan-out unavailable" notice goes once it has caught up; a
 * room that could not (its storage is away) keeps the notice and tries again later. Resolves with
 * the number of rooms that caught up, out of those open.
 */
export async function catchUpRooms(rooms: RoomRegistry, options: CatchUpRoomsOptions): Promise<{ caughtUp: number; open: number }> {
  const open = rooms.openDocumentIds().flatMap((documentId) => rooms.peek(documentId) ?? [])
  const results = await Promise.all(open.map((room) => catchUpRoom(rooms, room, options)))
  return { caughtUp: results.filter(Boolean).length, open: open.length }
}

async function catchUpRoom(rooms: RoomRegistry, room: Room, options: CatchUpRoomsOptions): Promise<boolean> {
  try {
    await room.catchUp()
    if (!options.subscriptionLost()) room.reportService('fanout', true)
    return true
  } catch {
    setTimeout(() => {
      if (!options.subscriptionLost() && rooms.peek(room.documentId) === room) void catchUpRoom(rooms, room, options)
    }, options.retryMs ?? 5_000).unref()
    return false
  }
}
