import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeUpdateMessage } from '@samskriv/protocol'
import { call, newFixture, type Fixture } from '../utils/api.ts'
import { newClient, typeParagraph } from '../utils/newClient.ts'
import { RawClient } from '../utils/rawClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture
const MAX_FRAME = 64 * 1024

beforeAll(async () => {
  server = await newServer({ MAX_FRAME_BYTES: String(MAX_FRAME) })
  fixture = await newFixture(server.url)
})
afterAll(() => server.stop())

async function stillSyncs(label: string) {
  const section = fixture.sections[2]!.id
  const a = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  const b = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  typeParagraph(a.doc, section, label)
  await waitFor(() => b.text(section).includes(label), `${label} reaches b`)
  a.destroy()
  b.destroy()
}

describe('bad input closes only the offending connection', () => {
  it('closes an oversized frame with 1009 and keeps the room working', async () => {
    const bystander = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const offender = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await offender.waitSynced()
    offender.sendRaw(new Uint8Array(MAX_FRAME + 1024))
    expect(await offender.waitClosed()).toBe(1009)
    expect(bystander.provider.wsconnected).toBe(true)
    bystander.destroy()
    await stillSyncs('efter-stor-ram')
  })

  it('closes a malformed frame with 4400 and keeps the room working', async () => {
    const offender = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await offender.waitSynced()
    offender.sendRaw(new Uint8Array([0, 2, 200, 1, 2]))
    expect(await offender.waitClosed()).toBe(4400)
    const garbage = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await garbage.waitSynced()
    garbage.sendRaw(encodeUpdateMessage(new Uint8Array([1, 2, 3, 4, 5, 6])))
    expect([4400, 4409]).toContain(await garbage.waitClosed())
    await stillSyncs('efter-trasig-ram')
  })

  it('rejects an update that depends on state the server does not have (never parks it)', async () => {
    const offender = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await offender.waitSynced()
    const elsewhere = new Y.Doc()
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(offender.doc))
    elsewhere.getXmlFragment(`section:${fixture.sections[2]!.id}`).push([new Y.XmlText('först')])
    const middle = Y.encodeStateVector(elsewhere)
    elsewhere.getXmlFragment(`section:${fixture.sections[2]!.id}`).push([new Y.XmlText('sedan')])
    // Send only the second update: its predecessor never reached the server.
    offender.sendUpdate(Y.encodeStateAsUpdate(elsewhere, middle))
    expect(await offender.waitClosed()).toBe(4409)
    await stillSyncs('efter-saknat-beroende')
  })
})

describe('names and titles refuse invisible and control characters', () => {
  const invisible = (the: string) => ({ code: 'invalid_field', message: `${the} innehåller osynliga tecken eller styrtecken.` })

  it('refuses a workspace name of a zero-width space, or of a NUL, a bidi override and a zero-width space', async () => {
    for (const name of ['\u200b', '\u0000\u202e\u200b']) {
      const created = await call(server.url, 'POST', '/api/workspaces', fixture.coordinator.token, { name })
      expect(created.status, JSON.stringify(name)).toBe(400)
      expect(created.body.error).toEqual(invisible('Namnet'))
    }
  })

  it('refuses a document title of a lone surrogate', async () => {
    const created = await call(server.url, 'POST', `/api/workspaces/${fixture.workspaceId}/documents`, fixture.coordinator.token, {
      template: 'fardplan',
      title: '\ud800',
    })
    expect(created.status).toBe(400)
    expect(created.body.error).toEqual({ code: 'invalid_field', message: 'Titeln innehåller ogiltiga tecken.' })
  })

  it("refuses a name that looks like a member's (a trailing zero-width space) or reads backwards (U+202E)", async () => {
    for (const name of [`${fixture.coordinator.name}\u200b`, 'Anna \u202egreB']) {
      const email = `lookalike-${Math.random().toString(36).slice(2)}@example.se`
      const registered = await call(server.url, 'POST', '/api/auth/register', undefined, { email, name, password: 'lösenord123' })
      expect(registered.status, JSON.stringify(name)).toBe(400)
      expect(registered.body.error).toEqual(invisible('Namnet'))
    }
    const version = await call(server.url, 'POST', `/api/documents/${fixture.documentId}/versions`, fixture.coordinator.token, { name: 'Inskickad\u200f' })
    expect(version.status).toBe(400)
    expect(version.body.error).toEqual(invisible('Namnet'))
  })

  it('keeps an ordinary Swedish name and title, stored in NFC', async () => {
    const email = `asa-${Math.random().toString(36).slice(2)}@example.se`
    const registered = await call(server.url, 'POST', '/api/auth/register', undefined, { email, name: '\u00c5sa O\u0308berg-A\u0308ngstro\u0308m', password: 'lösenord123' })
    expect(registered.status).toBe(201)
    const me = await call(server.url, 'GET', '/api/auth/me', registered.body.token)
    expect(me.body.user.name).toBe('Åsa Öberg-Ängström')

    const workspace = await call(server.url, 'POST', '/api/workspaces', fixture.coordinator.token, { name: 'Samordningsf\u00f6rbundet O\u0308stra So\u0308dermanland' })
    expect(workspace.status).toBe(201)
    expect(workspace.body.name).toBe('Samordningsförbundet Östra Södermanland')

    const document = await call(server.url, 'POST', `/api/workspaces/${fixture.workspaceId}/documents`, fixture.coordinator.token, {
      template: 'fardplan',
      title: 'A\u030angstr\u00f6m & co',
    })
    expect(document.status).toBe(201)
    const stored = await call(server.url, 'GET', `/api/documents/${document.body.id}`, fixture.coordinator.token)
    expect(stored.body.title).toBe('Ångström & co')
  })
})
