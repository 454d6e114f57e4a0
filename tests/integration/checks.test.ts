import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hashSectionText, SIGN_OFF_NOTE_MAX_CHARS } from '@samskriv/checks'
import { sectionPlainText } from '@samskriv/schema'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { newClient, typeParagraph } from '../utils/newClient.ts'
import { RawClient } from '../utils/rawClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture
let editor: TestUser
let analyst: TestUser

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url, 'horisontell-analys')
  editor = await fixture.addMember('editor', 'Skribent')
  analyst = await fixture.addMember('analyst', 'Analytiker')
})
afterAll(() => server.stop())

type Item = { id: string; status: string; stale?: boolean; kind: string; message: string; sectionId?: string }
async function report() {
  const response = await call(server.url, 'POST', `/api/documents/${fixture.documentId}/checks`, analyst.token)
  expect(response.status).toBe(200)
  const items: Item[] = response.body.groups.flatMap((group: { items: Item[] }) => group.items)
  return { body: response.body, item: (id: string) => items.find((item) => item.id === id)! }
}

describe('checklist validation', () => {
  it('fails completeness when fresh, passes it when filled; manual items wait for an analyst and go stale on edit', async () => {
    const fresh = await report()
    expect(fresh.body.checklistVersion).toBeTruthy()
    expect(fresh.item('A1').status).toBe('fail')
    expect(fresh.item('J7')).toMatchObject({ kind: 'manual', status: 'pending' })

    const writer = await newClient(server.wsUrl, fixture.documentId, editor.token)
    for (const section of fixture.sections) {
      typeParagraph(writer.doc, section.id, 'Kvinnor och män har olika villkor i vår region, och vi följer upp det varje år.')
    }
    const jamstalldhet = fixture.sections.find((s) => s.key === 'jamstalldhet')!
    await waitFor(async () => (await report()).item('A1').status === 'pass', 'completeness passes', 10_000)

    // An editor may not sign off: the server refuses writes to the checks root.
    const rawEditor = await RawClient.connect(server.wsUrl, fixture.documentId, editor.token)
    await rawEditor.waitSynced()
    rawEditor.edit((doc) => doc.getMap('checks').set('J7', new Y.Map<unknown>([['status', 'pass']])))
    expect(await rawEditor.waitClosed()).toBe(4403)

    const sectionText = 'Kvinnor och män har olika villkor i vår region, och vi följer upp det varje år.'
    const signer = await newClient(server.wsUrl, fixture.documentId, analyst.token)
    signer.doc.getMap('checks').set(
      'J7',
      new Y.Map<unknown>([
        ['status', 'pass'],
        ['note', 'Analysen håller.'],
        ['by', analyst.id],
        ['at', new Date().toISOString()],
        ['sectionHash', hashSectionText(sectionText)],
      ]),
    )
    await waitFor(async () => (await report()).item('J7').status === 'pass', 'sign-off counts', 10_000)
    // The signer is named, not their id.
    expect((await report()).item('J7').message).toContain(`av ${analyst.name} `)
    expect((await report()).item('J7').message).not.toContain(analyst.id)

    typeParagraph(writer.doc, jamstalldhet.id, 'Ett tillägg efter granskningen.')
    await waitFor(async () => (await report()).item('J7').stale === true, 'sign-off goes stale', 10_000)
    writer.destroy()
    signer.destroy()
  })

  it('refuses a sign-off whose note is longer than the form allows, and keeps one at the limit', async () => {
    // J8 concerns a section: a sign-off records the hash of the text it judged, as the app does.
    const sectionId = (await report()).item('J8').sectionId!
    const signOff = (note: string, doc: Y.Doc) =>
      new Y.Map<unknown>([
        ['status', 'pass'],
        ['note', note],
        ['by', analyst.id],
        ['at', new Date().toISOString()],
        ['sectionHash', hashSectionText(sectionPlainText(doc, sectionId))],
      ])

    const tooLong = await RawClient.connect(server.wsUrl, fixture.documentId, analyst.token)
    await tooLong.waitSynced()
    tooLong.edit((doc) => doc.getMap('checks').set('J8', signOff('x'.repeat(20_000), doc)))
    expect(await tooLong.waitClosed()).toBe(4403)
    expect((await report()).item('J8').status).toBe('pending')

    const atLimit = await newClient(server.wsUrl, fixture.documentId, analyst.token)
    atLimit.doc.getMap('checks').set('J8', signOff('x'.repeat(SIGN_OFF_NOTE_MAX_CHARS), atLimit.doc))
    await waitFor(async () => (await report()).item('J8').status === 'pass', 'a note at the limit is kept', 10_000)
    atLimit.destroy()
  })

  it('exports the report as Markdown to attach to an application', async () => {
    const response = await fetch(`${server.url}/api/documents/${fixture.documentId}/checks?format=markdown`, {
      method: 'POST',
      headers: { authorization: `Bearer ${analyst.token}` },
    })
    expect(response.headers.get('content-type')).toContain('text/markdown')
    expect(response.headers.get('content-disposition')).toContain('kontroll-')
    const markdown = await response.text()
    expect(markdown).toMatch(/^# /m)
    expect(markdown).toContain('A1')
  })
})
