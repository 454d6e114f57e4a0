import type { RoomRegistry } from '@samskriv/collab'
import { CloseCodes } from '@samskriv/protocol'

/**
 * Finds the open sockets of a session or a user, so logout and role changes take effect on
 * live connections at once (DESIGN.md: within a second), not at the next reconnect.
 */
export class LiveSessions {
  constructor(private readonly rooms: RoomRegistry) {}

  /** Closes every socket opened with this session; the client then finds itself logged out. */
  endSession(sessionHash: string): number {
    return this.closeWhere((context) => context.sessionHash === sessionHash)
  }

  /** Closes a user's sockets in a workspace; they reconnect with the new role (or are refused). */
  refreshUser(workspaceId: string, userId: string): number {
    return this.closeWhere((context) => context.userId === userId && context.workspaceId === workspaceId)
  }

  private closeWhere(match: (context: { sessionHash?: string; userId: string; workspaceId?: string }) => boolean): number {
    let closed = 0
    for (const id of this.rooms.openDocumentIds()) {
      const room = this.rooms.peek(id)
      if (!room) continue
      for (const connection of room.connections) {
        if (match(connection.context)) {
          connection.close(CloseCodes.sessionChanged)
          closed++
        }
      }
    }
    return closed
  }
}
