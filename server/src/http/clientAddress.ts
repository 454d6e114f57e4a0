import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/**
 * The address a request came from, for throttling: the socket's peer. Behind a proxy the server
 * trusts (`TRUST_PROXY=true`), the last X-Forwarded-For entry instead, which that proxy appended:
 * the entries before it are whatever the client sent, so never those.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
    if (last) return last
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // Not served by @hono/node-server (e.g. app.request in a test): no socket to ask.
    return 'unknown'
  }
}
