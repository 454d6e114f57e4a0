import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppStore, UserRecord } from '@samskriv/storage'
import type { AppEnv } from '../../deps.ts'
import { hashToken } from '../../services/tokens.ts'
import { ApiError } from '../ApiError.ts'

export const SESSION_COOKIE = 'samskriv_session'

/**
 * The session token of an HTTP request: `Authorization: Bearer` or the cookie. Not `?token=`, which
 * only the WebSocket endpoint takes (DESIGN.md): a token in a URL ends up in proxy logs and history.
 */
export function readToken(c: { req: { header(name: string): string | undefined } }, cookie: string | undefined): string | undefined {
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1]
  return bearer ?? cookie
}

export async function userForToken(store: AppStore, token: string | undefined): Promise<{ user: UserRecord; sessionHash: string } | undefined> {
  if (!token || token.length > 200) return undefined
  const sessionHash = hashToken(token)
  const session = await store.findSession(sessionHash)
  if (!session || session.expiresAt <= new Date().toISOString()) return undefined
  const user = await store.findUserById(session.userId)
  return user && { user, sessionHash }
}

/** Resolves the session, if any, into `c.var.user`. Routes that need one use `requireUser`. */
export function session(options: { store: AppStore }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const found = await userForToken(options.store, readToken(c, getCookie(c, SESSION_COOKIE)))
    c.set('user', found?.user)
    c.set('sessionHash', found?.sessionHash)
    await next()
  }
}

export function currentUser(c: { var: AppEnv['Variables'] }): UserRecord {
  if (!c.var.user) throw ApiError.unauthorized()
  return c.var.user
}
