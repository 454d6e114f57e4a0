import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

let warnedAboutProxy = false

/**
 * The address a request came from, for throttling: the socket's peer. Behind a proxy the server
 * trusts (`TRUST_PROXY=true`), the last X-Forwarded-For entry instead, which that proxy appended:
 * the entries before it are whatever the client sent, so never those.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = c.req.header('x-forwarded-for')
  if (trustProxy) {
    const last = forwarded?.split(',').at(-1)?.trim()
    if (last) return last
  } else if (forwarded !== undefined && !warnedAboutProxy) {
    // Behind a proxy every client would share the proxy's address, and one failed guess too many locks out everyone.
    warnedAboutProxy = true
    console.warn('X-Forwarded-For kom in men TRUST_PROXY är inte satt: inloggningsspärren räknar då per proxy, inte per klient. Sätt TRUST_PROXY=true bakom en omvänd proxy.')
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // Not served by @hono/node-server (e.g. app.request in a test): no socket to ask.
    return 'unknown'
  }
}
