import { createHash, randomBytes } from 'node:crypto'

/** A new secret for a session or an invitation link (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Tokens are stored hashed, so a leaked database holds no usable session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}
