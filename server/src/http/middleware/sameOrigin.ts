import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../ApiError.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Refused origins already named in the log; a few are enough to show a misconfigured proxy. */
const LOGGED_ORIGINS_MAX = 20

export interface OriginRules {
  /** Origins besides our own whose pages may send requests (ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[]
  /** Served over HTTPS (SECURE_COOKIES): a page of our host over plain http is not ours. */
  secure: boolean
}

/**
 * True when a browser's `Origin` is our own page (the request's host) or one the deployment
 * allows. A request without `Origin` is not from a browser's cross-site page.
 */
export function isOwnOrigin(origin: string | undefined, host: string | undefined, rules: OriginRules): boolean {
  if (!origin) return true
  return origin === `https://${host}` || (!rules.secure && origin === `http://${host}`) || rules.allowedOrigins.includes(origin)
}

/**
 * Refuses a state-changing API request that a page of another origin sent (cross-site request
 * forgery). SameSite=Lax keeps the session cookie off cross-site POSTs, but not off those from a
 * sibling subdomain, and a forged login needs no cookie at all: it would log the victim into the
 * attacker's account. Browsers send `Origin` on every cross-origin POST, PATCH and DELETE.
 */
export function sameOrigin(rules: OriginRules): MiddlewareHandler {
  const logged = new Set<string>()
  return async (c, next) => {
    const origin = c.req.header('origin')
    const host = c.req.header('host')
    if (!SAFE_METHODS.has(c.req.method) && !isOwnOrigin(origin, host, rules)) {
      // A proxy that rewrites Host (drops the port, names an upstream) refuses every login: say so.
      if (origin && logged.size < LOGGED_ORIGINS_MAX && !logged.has(origin)) {
        logged.add(origin)
        console.warn(
          `Avvisade en ändrande förfrågan från sidan ${origin} till värden ${host ?? '(ingen)'}. Är det er egen adress: låt proxyn skicka webbläsarens Host vidare (nginx: proxy_set_header Host $http_host) eller lägg till den i ALLOWED_ORIGINS.`,
        )
      }
      throw new ApiError(403, 'foreign_origin', 'Förfrågan kom från en annan webbplats och togs inte emot.')
    }
    await next()
  }
}
