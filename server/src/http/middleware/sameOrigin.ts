import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../ApiError.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * True when a browser's `Origin` is our own page (the request's host, over http or https) or one
 * the deployment allows. A request without `Origin` is not from a browser's cross-site page.
 */
export function isOwnOrigin(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  return !origin || origin === `http://${host}` || origin === `https://${host}` || allowedOrigins.includes(origin)
}

/**
 * Refuses a state-changing API request that a page of another origin sent (cross-site request
 * forgery). SameSite=Lax keeps the session cookie off cross-site POSTs, but not off those from a
 * sibling subdomain, and a forged login needs no cookie at all: it would log the victim into the
 * attacker's account. Browsers send `Origin` on every cross-origin POST, PATCH and DELETE.
 */
export function sameOrigin(allowedOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && !isOwnOrigin(c.req.header('origin'), c.req.header('host'), allowedOrigins)) {
      throw new ApiError(403, 'foreign_origin', 'Förfrågan kom från en annan webbplats och togs inte emot.')
    }
    await next()
  }
}
