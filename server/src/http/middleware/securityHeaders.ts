import type { MiddlewareHandler } from 'hono'

/** CSP `script-src 'self'` and friends on every response (DESIGN.md, security rules). */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    )
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Frame-Options', 'DENY')
  }
}
