import type { RoomRegistry } from '@samskriv/collab'
import { CloseCodes } from '@samskriv/protocol'

/**
 * Finds the open sockets of a session or a user, so logout and role changes take effect on
 * live connections at once (DESIGN.md: within a second), not at the next reconnect.
 */
export class LiveSessions {
  /**
   * Counts the changes made so far. A socket that looked up its session and role before a change
   * and joins its room only after it (the room was loading) is not in any room when the change
   * closes sockets; the upgrade compares this count and closes it then (`changedSince`).
   */
  private changes = 0

  constructor(private readonly rooms: RoomRegistry) {}

  get changeCount(): number {
    return this.changes
  }

  /** True when sessions, roles or documents changed since `count` was read. */
  changedSince(count: number): boolean {
    return this.changes !== count
  }

  /** Closes every socket opened with this session; the client then finds itself logged out. */
  endSession(sessionHash: string): number {
    this.changes++
    return this.closeWhere((context) => context.sessionHash === sessionHash)
  }

  /** Closes a user's sockets in a workspace; they reconnect with the new role (or are refused). */
  refreshUser(workspaceId: string, userId: string): number {
    this.changes++
    return this.closeWhere((context) => context.userId === userId && context.workspaceId === workspaceId)
  }

  /** Closes every socket of a deleted document: nobody keeps editing it. */
  closeDocument(documentId: string): number {
    this.changes++
    const room = this.rooms.peek(documentId)
    if (!room) return 0
    const connections = [...room.connections]
    for (const connection of connections) connection.close(CloseCodes.notFound)
    return connections.length
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
