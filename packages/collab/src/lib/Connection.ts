import { CloseCodes, type CloseEvent } from '@samskriv/protocol'

/** The little a room needs of a socket, so the core knows no transport. */
export interface WebSocketLike {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  /**
   * Bytes sent but not yet taken by the peer, still held in this process (`ws`' `bufferedAmount`).
   * Without it the connection cannot tell a client that stopped reading.
   */
  readonly bufferedAmount?: number
}

/** Who is on the other end, as the server established it at the upgrade. */
export interface ConnectionContext {
  userId: string
  name: string
  role: string
  /** A stable colour for the user's caret, so the client cannot impersonate by colour either. */
  color: string
  /** Hash of the session the socket was opened with (for logout). */
  sessionHash?: string
  /** Workspace of the document (for role changes). */
  workspaceId?: string
}

export interface ConnectionLimits {
  /** Messages per second a connection may send before it is closed. */
  messagesPerSecond: number
  /** Largest JSON awareness state accepted, in characters. */
  maxAwarenessBytes: number
  /** Unread bytes a connection may hold besides its largest message (default `DEFAULT_MAX_UNREAD_BYTES`, see `Connection.send`). */
  maxUnreadBytes?: number
}

/**
 * 16 MiB: far above what a reading client ever has waiting besides its initial sync (a broadcast
 * carries at most one turn's updates, and the whole presence of a room of a hundred people at the
 * 16 KiB limit is 1.6 MiB), and small enough that a few hundred stalled connections cannot exhaust
 * the server's memory.
 */
export const DEFAULT_MAX_UNREAD_BYTES = 16 * 1024 * 1024

/**
 * Closes a connection that lets more wait than it may: the client asks (sync step 1, query
 * presence) faster than it reads the answers, or its network cannot keep up. Same code and client
 * reaction as a burst of messages: reconnect later.
 */
export const TOO_MUCH_UNREAD: CloseEvent = { code: CloseCodes.rateLimited.code, reason: 'too-much-unread' }

let nextId = 1

/** One client socket in one room. */
export class Connection {
  readonly id = nextId++
  /** The awareness client id this connection holds in presence; it may set no other. */
  awarenessClientId: number | undefined
  /** The first awareness client id the connection announced, held or refused (see `Room`'s presence rules). */
  presenceClaim: number | undefined
  closed = false
  /** See `send`; set by the room from its limits. */
  maxUnreadBytes = DEFAULT_MAX_UNREAD_BYTES
  private windowStart = 0
  private windowCount = 0
  /** The largest message sent since the peer last had nothing unread. */
  private largestUnread = 0

  constructor(
    readonly socket: WebSocketLike,
    public context: ConnectionContext,
  ) {}

  /**
   * Sends, unless the peer has more than `maxUnreadBytes` unread besides the largest single message
   * sent since it last had nothing unread: then the connection is closed (`TOO_MUCH_UNREAD`) and
   * this and later sends are dropped. The largest message is allowed for on top, so a client
   * receiving a whole large document over a slow link is not closed by the updates that follow it.
   * Without the cap a client that stops reading and keeps asking for the whole document holds the
   * answers in the server's memory until it runs out (one property read per send; no allocation).
   */
  send(data: Uint8Array): void {
    if (this.closed) return
    const unread = this.socket.bufferedAmount ?? 0
    if (unread === 0) this.largestUnread = 0
    else if (unread - this.largestUnread > this.maxUnreadBytes) {
      this.close(TOO_MUCH_UNREAD)
      return
    }
    if (data.byteLength > this.largestUnread) this.largestUnread = data.byteLength
    try {
      this.socket.send(data)
    } catch {
      // The socket went away between our check and the send; its close event cleans up.
    }
  }

  close(event: CloseEvent): void {
    if (this.closed) return
    this.closed = true
    try {
      this.socket.close(event.code, event.reason)
    } catch {
      // Already closing.
    }
  }

  /** Counts one message; false once the connection exceeds its rate for the current second. */
  countMessage(limit: number, now = Date.now()): boolean {
    if (now - this.windowStart >= 1000) {
      this.windowStart = now
      this.windowCount = 0
    }
    this.windowCount++
    return this.windowCount <= limit
  }
}
