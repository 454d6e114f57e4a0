import type { CloseEvent } from '@samskriv/protocol'

/** The little a room needs of a socket, so the core knows no transport. */
export interface WebSocketLike {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
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
}

let nextId = 1

/** One client socket in one room. */
export class Connection {
  readonly id = nextId++
  /** The awareness client id this connection announced first; it may set no other. */
  awarenessClientId: number | undefined
  closed = false
  private windowStart = 0
  private windowCount = 0

  constructor(
    readonly socket: WebSocketLike,
    public context: ConnectionContext,
  ) {}

  send(data: Uint8Array): void {
    if (this.closed) return
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
