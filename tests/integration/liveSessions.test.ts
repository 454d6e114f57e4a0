import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { call, newFixture, type Fixture } from '../utils/api.ts'
import { RawClient } from '../utils/rawClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let fixture: Fixture

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
})
afterAll(() => server.stop())

describe('open sockets follow the session and the role', () => {
  it('closes the sockets of a session at logout, and the token no longer opens new ones', async () => {
    const user = await fixture.addMember('editor', 'Utloggad')
    const client = await RawClient.connect(server.wsUrl, fixture.documentId, user.token)
    await client.waitSynced()
    await call(server.url, 'POST', '/api/auth/logout', user.token)
    expect(await client.waitClosed()).toBe(4440)
    const again = await RawClient.connect(server.wsUrl, fixture.documentId, user.token)
    expect(await again.waitClosed()).toBe(4401)
  })

  it('closes the sockets of a session that a new login replaced (sessions rotate at login)', async () => {
    const user = await fixture.addMember('editor', 'Inloggad igen')
    const client = await RawClient.connect(server.wsUrl, fixture.documentId, user.token)
    await client.waitSynced()
    const login = await call(server.url, 'POST', '/api/auth/login', user.token, { email: user.email, password: 'lösenord123' })
    expect(login.status).toBe(200)
    expect(await client.waitClosed()).toBe(4440)
    expect((await call(server.url, 'GET', '/api/auth/me', user.token)).status).toBe(401)
  })

  it('downgrades a member at once: after a role change to viewer the next connection is read-only', async () => {
    const user = await fixture.addMember('editor', 'Nedgraderad')
    const client = await RawClient.connect(server.wsUrl, fixture.documentId, user.token)
    await client.waitSynced()
    await call(server.url, 'PATCH', `/api/workspaces/${fixture.workspaceId}/members/${user.id}`, fixture.coordinator.token, { role: 'viewer' })
    expect(await client.waitClosed()).toBe(4440)
    const reconnected = await RawClient.connect(server.wsUrl, fixture.documentId, user.token)
    await reconnected.waitSynced()
    reconnected.edit((doc) => doc.getXmlFragment(`section:${fixture.sections[0]!.id}`).push([new Y.XmlText('x')]))
    expect(await reconnected.waitClosed()).toBe(4403)
  })

  it('closes the sockets of a deleted document, and it opens no more', async () => {
    const own = await newFixture(server.url)
    const editor = await own.addMember('editor', 'Kvar i dokumentet')
    const client = await RawClient.connect(server.wsUrl, own.documentId, editor.token)
    await client.waitSynced()
    expect((await call(server.url, 'DELETE', `/api/documents/${own.documentId}`, own.coordinator.token)).status).toBe(200)
    expect(await client.waitClosed()).toBe(4404)
    const again = await RawClient.connect(server.wsUrl, own.documentId, editor.token)
    expect(await again.waitClosed()).toBe(4404)
  })

  it("refuses a viewer's comment", async () => {
    const viewer = await fixture.addMember('viewer', 'Läsare')
    const client = await RawClient.connect(server.wsUrl, fixture.documentId, viewer.token)
    await client.waitSynced()
    client.edit((doc) => doc.getMap('comments').set('c-viewer', new Y.Map([['body', 'Hej']])))
    expect(await client.waitClosed()).toBe(4403)
  })

  it('refuses a cookie-authenticated upgrade from a foreign origin', async () => {
    const WebSocket = (await import('ws')).default
    const socket = new WebSocket(`${server.wsUrl}/${fixture.documentId}`, {
      headers: { cookie: `samskriv_session=${fixture.coordinator.token}`, origin: 'https://evil.example' },
    })
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)))
    expect(code).toBe(4401)
    const same = new WebSocket(`${server.wsUrl}/${fixture.documentId}`, {
      headers: { cookie: `samskriv_session=${fixture.coordinator.token}`, origin: server.url },
    })
    const first = await new Promise<string>((resolve) => {
      same.on('message', () => resolve('message'))
      same.on('close', (c) => resolve(`close ${c}`))
    })
    expect(first).toBe('message')
    same.close()
  })
})
