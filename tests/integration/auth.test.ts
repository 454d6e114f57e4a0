import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, newFixture, registerUser, type Fixture } from '../utils/api.ts'
import { RawClient } from '../utils/rawClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let fixture: Fixture

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
})
afterAll(() => server.stop())

describe('authentication and membership', () => {
  it('refuses WebSockets without a token, with a bad token, and for non-members', async () => {
    const stranger = await registerUser(server.url, 'Främling')
    const cases: Array<[string | undefined, number]> = [
      [undefined, 4401],
      ['inte-en-token', 4401],
      [stranger.token, 4404],
    ]
    for (const [token, code] of cases) {
      const client = await RawClient.connect(server.wsUrl, fixture.documentId, token)
      expect(await client.waitClosed()).toBe(code)
      expect(client.synced).toBe(false)
    }
  })

  it('refuses the API the same way: 401 without a session, 404 for a non-member', async () => {
    const stranger = await registerUser(server.url, 'Främling')
    expect((await call(server.url, 'GET', `/api/documents/${fixture.documentId}`)).status).toBe(401)
    expect((await call(server.url, 'GET', `/api/documents/${fixture.documentId}`, 'fel')).status).toBe(401)
    const denied = await call(server.url, 'GET', `/api/documents/${fixture.documentId}`, stranger.token)
    expect(denied.status).toBe(404)
    expect(denied.body.error.code).toBe('not_found')
    expect((await call(server.url, 'GET', `/api/workspaces/${fixture.workspaceId}`, stranger.token)).status).toBe(404)
    expect((await call(server.url, 'GET', `/api/documents/${fixture.documentId}`, fixture.coordinator.token)).status).toBe(200)
  })

  it('logs in, rotates the session and logs out', async () => {
    const user = await registerUser(server.url, 'Lena')
    const login = await call(server.url, 'POST', '/api/auth/login', undefined, { email: user.email, password: 'lösenord123' })
    expect(login.status).toBe(200)
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i)
    expect(login.body.token).not.toBe(user.token)
    expect((await call(server.url, 'GET', '/api/auth/me', login.body.token)).body.user.email).toBe(user.email)
    await call(server.url, 'POST', '/api/auth/logout', login.body.token)
    expect((await call(server.url, 'GET', '/api/auth/me', login.body.token)).status).toBe(401)
  })

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const user = await registerUser(server.url, 'Per')
    const wrong = await call(server.url, 'POST', '/api/auth/login', undefined, { email: user.email, password: 'fel-lösenord' })
    const unknown = await call(server.url, 'POST', '/api/auth/login', undefined, { email: 'ingen@example.se', password: 'fel-lösenord' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body).toEqual(unknown.body)
  })

  it('takes a token in the URL only on the WebSocket endpoint, where browsers cannot send a header', async () => {
    const user = await registerUser(server.url, 'Token i adressen')
    expect((await call(server.url, 'GET', `/api/auth/me?token=${user.token}`)).status).toBe(401)
    expect((await call(server.url, 'GET', '/api/auth/me', user.token)).status).toBe(200)
  })

  it('answers health and readiness without a session', async () => {
    expect((await call(server.url, 'GET', '/api/health')).body).toEqual({ ok: true })
    expect((await call(server.url, 'GET', '/api/ready')).body).toEqual({ ready: true })
  })

  it('answers bad JSON and bad fields with 400 and the error shape', async () => {
    const badJson = await call(server.url, 'POST', '/api/auth/register', undefined, '{inte json')
    expect(badJson.status).toBe(400)
    expect(badJson.body.error.code).toBe('invalid_json')
    const badField = await call(server.url, 'POST', '/api/auth/register', undefined, { email: 'x', name: '', password: '1' })
    expect(badField.status).toBe(400)
    expect(badField.body.error).toMatchObject({ code: 'invalid_field' })
  })
})

describe('requests from pages of another origin (CSRF)', () => {
  /** A form post as a page elsewhere makes it: text/plain body, the browser's Origin, the cookie if any. */
  const formPost = (path: string, origin: string, body: unknown, cookieToken?: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin, ...(cookieToken ? { cookie: `samskriv_session=${cookieToken}` } : {}) },
      body: JSON.stringify(body),
    })

  it('refuses a state-changing request and a login from a foreign page, and takes them from our own', async () => {
    const own = new URL(server.url).origin
    const foreign = await formPost('/api/workspaces', 'https://evil.example', { name: 'Planterad' }, fixture.coordinator.token)
    expect(foreign.status).toBe(403)
    expect((await foreign.json()).error.code).toBe('foreign_origin')
    const user = await registerUser(server.url, 'Inloggad Ingrid')
    expect((await formPost('/api/auth/login', 'https://evil.example', { email: user.email, password: 'lösenord123' })).status).toBe(403)

    expect((await formPost('/api/workspaces', own, { name: 'Egen' }, fixture.coordinator.token)).status).toBe(201)
    expect((await formPost('/api/auth/login', own, { email: user.email, password: 'lösenord123' })).status).toBe(200)
    // Reading is not refused: a GET changes nothing.
    const read = await fetch(`${server.url}/api/auth/me`, { headers: { origin: 'https://evil.example', authorization: `Bearer ${user.token}` } })
    expect(read.status).toBe(200)
  })
})

describe('the login throttle', () => {
  const login = (baseUrl: string, email: string, password: string, forwardedFor = '192.0.2.1') =>
    fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ email, password }),
    })

  it('counts failed logins per connection, whatever X-Forwarded-For a client sends', async () => {
    const own = await newServer()
    try {
      const user = await registerUser(own.url, 'Gunnel Gissad')
      // Ten wrong passwords for the account, each under a made-up address of its own.
      for (let i = 0; i < 10; i++) expect((await login(own.url, user.email, 'fel-lösenord', `203.0.113.${i}`)).status).toBe(401)
      const blocked = await login(own.url, user.email, 'lösenord123', '198.51.100.7')
      expect(blocked.status).toBe(429)
      expect((await blocked.json()).error.code).toBe('too_many_attempts')
    } finally {
      await own.stop()
    }
  })

  it("lets colleagues behind the same address log in after someone's ten wrong passwords", async () => {
    const own = await newServer()
    try {
      const forgetful = await registerUser(own.url, 'Glömsk Göran')
      const colleague = await registerUser(own.url, 'Kollega Karin')
      for (let i = 0; i < 10; i++) expect((await login(own.url, forgetful.email, 'fel-lösenord')).status).toBe(401)
      expect((await login(own.url, forgetful.email, 'lösenord123')).status).toBe(429)
      expect((await login(own.url, colleague.email, 'lösenord123')).status).toBe(200)
    } finally {
      await own.stop()
    }
  })
})
