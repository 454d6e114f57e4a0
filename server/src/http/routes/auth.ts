import { randomUUID } from 'node:crypto'
import { Hono, type Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { loginBody, registerBody } from '@samskriv/schema'
import type { UserRecord } from '@samskriv/storage'
import type { AppEnv, Deps } from '../../deps.ts'
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../services/passwords.ts'
import { hashToken, newToken } from '../../services/tokens.ts'
import { ApiError } from '../ApiError.ts'
import { clientAddress } from '../clientAddress.ts'
import { currentUser, SESSION_COOKIE } from '../middleware/session.ts'
import { readBody } from '../validate.ts'

const SESSION_DAYS = 30

export const publicUser = (user: UserRecord) => ({ id: user.id, email: user.email, name: user.name })

export function authRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()

  /** A fresh session at every login and registration (sessions rotate, DESIGN.md). */
  async function startSession(c: Context<AppEnv>, user: UserRecord) {
    const token = newToken()
    const now = new Date()
    await deps.store.createSession({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    })
    // The session it replaces ends everywhere, its open sockets included, as at logout.
    if (c.var.sessionHash) {
      await deps.store.deleteSession(c.var.sessionHash)
      deps.live.endSession(c.var.sessionHash)
    }
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.config.secureCookies,
      path: '/',
      maxAge: SESSION_DAYS * 86_400,
    })
    return { token, user: publicUser(user) }
  }

  app.post('/register', async (c) => {
    const body = await readBody(c, registerBody)
    if (await deps.store.findUserByEmail(body.email)) {
      throw ApiError.conflict('Det finns redan ett konto med den e-postadressen.', 'email_taken')
    }
    const user: UserRecord = {
      id: randomUUID(),
      email: body.email,
      name: body.name,
      passwordHash: await hashPassword(body.password),
      createdAt: new Date().toISOString(),
    }
    await deps.store.createUser(user)
    return c.json(await startSession(c, user), 201)
  })

  app.post('/login', async (c) => {
    const body = await readBody(c, loginBody)
    const attempt = { email: body.email, address: clientAddress(c, deps.config.trustProxy) }
    if (deps.throttle.isBlocked(attempt)) {
      throw new ApiError(429, 'too_many_attempts', 'För många misslyckade inloggningar. Vänta en stund och försök igen.')
    }
    const user = await deps.store.findUserByEmail(body.email)
    const valid = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH)
    if (!user || !valid) {
      deps.throttle.recordFailure(attempt)
      throw new ApiError(401, 'invalid_credentials', 'Fel e-postadress eller lösenord.')
    }
    deps.throttle.recordSuccess(attempt)
    return c.json(await startSession(c, user))
  })

  app.post('/logout', async (c) => {
    const sessionHash = c.var.sessionHash
    if (sessionHash) {
      await deps.store.deleteSession(sessionHash)
      deps.live.endSession(sessionHash)
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    return c.json({ ok: true })
  })

  app.get('/me', (c) => c.json({ user: publicUser(currentUser(c)) }))

  return app
}
