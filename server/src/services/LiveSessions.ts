import type { Connection, RoomRegistry } from '@samskriv/collab'
import type { AppStore } from '@samskriv/storage'
import { CloseCodes, type CloseEvent } from '@samskriv/protocol'

/** A change that open sockets must follow; instances tell each other about it (scale-out). */
export type LiveChange =
  | { kind: 'session'; sessionHash: string }
  | { kind: 'user'; workspaceId: string; userId: string }
  | { kind: 'document'; documentId: string }

/** True for a well-formed change read from another instance. */
export function isLiveChange(value: unknown): value is LiveChange {
  const change = value as Record<string, unknown> | null
  if (typeof change !== 'object' || change === null) return false
  if (change.kind === 'session') return typeof change.sessionHash === 'string'
  if (change.kind === 'user') return typeof change.workspaceId === 'string' && typeof change.userId === 'string'
  if (change.kind === 'document') return typeof change.documentId === 'string'
  return false
}

/**
 * Finds the open sockets of a session, a user or a document, so logout, role changes and
 * deletions take effect on live connections at once (DESIGN.md: within a second), not at the
 * next reconnect. With several instances each change is also relayed to the others (`relayTo`),
 * whose clients of the same people and documents it must reach too.
 */
export class LiveSessions {
  /**
   * Counts the changes made so far. A socket that looked up its session and role before a change
   * and joins its room only after it (the room was loading) is not in any room when the change
   * closes sockets; the upgrade compares this count and closes it then (`changedSince`).
   */
  private changes = 0
  private relay: ((change: LiveChange) => void) | undefined

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly store: AppStore,
  ) {}

  get changeCount(): number {
    return this.changes
  }

  /** True when sessions, roles or documents changed since `count` was read. */
  changedSince(count: number): boolean {
    return this.changes !== count
  }

  /** Sends every change made here to the other instances as well. */
  relayTo(publish: (change: LiveChange) => void): void {
    this.relay = publish
  }

  /** Closes every socket opened with this session; the client then finds itself logged out. */
  endSession(sessionHash: string): number {
    return this.announce({ kind: 'session', sessionHash })
  }

  /** Closes a user's sockets in a workspace; they reconnect with the new role (or are refused). */
  refreshUser(workspaceId: string, userId: string): number {
    return this.announce({ kind: 'user', workspaceId, userId })
  }

  /** Closes every socket of a deleted document: nobody keeps editing it. */
  closeDocument(documentId: string): number {
    return this.announce({ kind: 'document', documentId })
  }

  /** Applies a change made here or on another instance to this instance's sockets. */
  apply(change: LiveChange): number {
    this.changes++
    switch (change.kind) {
      case 'session':
        return this.closeWhere((connection) => connection.context.sessionHash === change.sessionHash, CloseCodes.sessionChanged)
      case 'user':
        return this.closeWhere(
          (connection) => connection.context.userId === change.userId && connection.context.workspaceId === change.workspaceId,
          CloseCodes.sessionChanged,
        )
      case 'document':
        return this.closeWhere((_connection, documentId) => documentId === change.documentId, CloseCodes.notFound)
    }
  }

  /**
   * Checks every open socket against the store and closes those whose session ended, whose role
   * changed or whose document was deleted. For changes this instance may have missed: another
   * instance's message published while this one had lost its Redis subscription is gone.
   */
  async revalidate(): Promise<number> {
    // First: a socket whose room is still loading, and that looked up its role before a change
    // this instance missed, is closed when it joins (see `changedSince`), wherever this check is.
    this.changes++
    const now = new Date().toISOString()
    // Sockets of one session or one member share a lookup.
    const sessions = new Map<string, Promise<boolean>>()
    const roles = new Map<string, Promise<string | undefined>>()
    const sessionLive = (hash: string) =>
      remember(sessions, hash, async () => {
        const session = await this.store.findSession(hash)
        return session !== undefined && session.expiresAt > now
      })
    const roleOf = (workspaceId: string, userId: string) =>
      remember(roles, `${workspaceId}\n${userId}`, async () => (await this.store.findMember(workspaceId, userId))?.role)
    const stale = new Map<Connection, CloseEvent>()
    for (const documentId of this.rooms.openDocumentIds()) {
      const room = this.rooms.peek(documentId)
      if (!room || room.connections.size === 0) continue
      const document = await this.store.findDocument(documentId)
      for (const connection of room.connections) {
        const { sessionHash, userId, workspaceId, role } = connection.context
        if (!document) stale.set(connection, CloseCodes.notFound)
        else if (sessionHash === undefined || workspaceId === undefined) stale.set(connection, CloseCodes.sessionChanged)
        else if (!(await sessionLive(sessionHash)) || (await roleOf(workspaceId, userId)) !== role) stale.set(connection, CloseCodes.sessionChanged)
      }
    }
    for (const [connection, event] of stale) connection.close(event)
    return stale.size
  }

  private announce(change: LiveChange): number {
    const closed = this.apply(change)
    this.relay?.(change)
    return closed
  }

  private closeWhere(match: (connection: Connection, documentId: string) => boolean, event: CloseEvent): number {
    let closed = 0
    for (const id of this.rooms.openDocumentIds()) {
      const room = this.rooms.peek(id)
      if (!room) continue
      for (const connection of [...room.connections]) {
        if (match(connection, id)) {
          connection.close(event)
          closed++
        }
      }
    }
    return closed
  }
}

function remember<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key)
  if (!value) cache.set(key, (value = load()))
  return value
}
