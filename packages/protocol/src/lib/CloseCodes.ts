/**
 * Close codes the server uses, shared by client and server. 4000–4999 is the range
 * RFC 6455 leaves to applications; the last three digits echo the HTTP status they resemble.
 */
export interface CloseEvent {
  code: number
  reason: string
}

export const CloseCodes = {
  /** A frame that is not a valid y-websocket message. */
  malformed: { code: 4400, reason: 'malformed-message' },
  /** No valid session (missing, unknown or expired token). */
  unauthorized: { code: 4401, reason: 'unauthorized' },
  /** The update touches a root the connection's role may not write (or a locked section). */
  forbidden: { code: 4403, reason: 'forbidden-update' },
  /** Unknown document, or the user is not a member of its workspace. */
  notFound: { code: 4404, reason: 'not-found' },
  /** The update builds on state the server does not have; the client must reload. */
  missingDependency: { code: 4409, reason: 'missing-dependency' },
  /** Frame, document or awareness state above its limit. */
  tooLarge: { code: 4413, reason: 'too-large' },
  /** More messages per second than a connection may send. */
  rateLimited: { code: 4429, reason: 'rate-limited' },
  /** The session ended (logout) or the user's role changed; reconnect to get the new role. */
  sessionChanged: { code: 4440, reason: 'session-changed' },
  /** The server could not persist; nothing was accepted. Reconnect and resend. */
  storageUnavailable: { code: 4503, reason: 'storage-unavailable' },
} as const satisfies Record<string, CloseEvent>

export type CloseCodeName = keyof typeof CloseCodes

/**
 * Codes after which the client's local copy is no longer trustworthy and must be reloaded: the
 * same update would be refused on every reconnect. A malformed frame from a stock client comes
 * from its state (the sync step 2 it resends would be malformed again), not from the network.
 */
export const RELOAD_CLOSE_CODES: readonly number[] = [
  CloseCodes.malformed.code,
  CloseCodes.forbidden.code,
  CloseCodes.missingDependency.code,
  CloseCodes.tooLarge.code,
]

/** Codes after which reconnecting cannot help until the user acts (log in again, get access). */
export const FATAL_CLOSE_CODES: readonly number[] = [
  CloseCodes.unauthorized.code,
  CloseCodes.notFound.code,
]

/**
 * Whether a client should connect again after the server closed with `code`. The stock provider
 * gives up on the whole 4400–4499 range by default, which would strand a client after a role
 * change (4440) or a burst (4429): those and 4503 are worth retrying.
 */
export function shouldReconnect(code: number): boolean {
  return !FATAL_CLOSE_CODES.includes(code) && !RELOAD_CLOSE_CODES.includes(code)
}
