/**
 * Socket errors, PostgreSQL's connection-class SQLSTATEs and the collaboration core's refusal of a
 * change it cannot store (`StorageUnavailableError`): the database is away, not the request wrong.
 */
const UNAVAILABLE_CODES = new Set(['STORAGE_UNAVAILABLE', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006'])
// SQLite: locked too long, disk or file trouble (better-sqlite3 puts the result code in `code`).
const UNAVAILABLE_SQLITE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN)/
// node-postgres reports a dropped connection or a timeout with a message only.
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Connection ended unexpectedly/i

/** True when `error` means the store cannot be reached right now (answer 503, try again), not a bug. */
export function isStorageUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLITE.test(code))) return true
  return UNAVAILABLE_MESSAGES.test(error.message)
}
