import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hashSectionText, SIGN_OFF_NOTE_MAX_CHARS } from '@samskriv/checks'
import { signOffSectionHash, writeSignOff } from '../../client/src/features/checks/writeSignOff.ts'
import { SectionFields } from '../../client/src/features/fields/SectionFields.ts'
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
    // A text-only section: the hash is still `hashSectionText` of its text, as sign-offs made
    // before structured values were covered recorded it; those stay valid.
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
    // J8 concerns a section: a sign-off records the hash of what it judged, as the app does.
    const sectionId = (await report()).item('J8').sectionId!
    const signOff = (note: string, doc: Y.Doc) =>
      new Y.Map<unknown>([
        ['status', 'pass'],
        ['note', note],
        ['by', analyst.id],
        ['at', new Date().toISOString()],
        ['sectionHash', signOffSectionHash(doc, sectionId)],
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

  it("a sign-off covers the section's structured values: a row added afterwards makes it stale", async () => {
    // A färdplan: J8 concerns "Mål och indikatorer" (key `mal`), text plus an indicator table.
    const plan = await newFixture(server.url, 'fardplan')
    const planEditor = await plan.addMember('editor', 'Skribent')
    const planAnalyst = await plan.addMember('analyst', 'Analytiker')
    const planReport = async () => {
      const response = await call(server.url, 'POST', `/api/documents/${plan.documentId}/checks`, planAnalyst.token)
      expect(response.status).toBe(200)
      const items: Item[] = response.body.groups.flatMap((group: { items: Item[] }) => group.items)
      return (id: string) => items.find((item) => item.id === id)!
    }
    const mal = plan.sections.find((section) => section.key === 'mal')!

    const writer = await newClient(server.wsUrl, plan.documentId, planEditor.token)
    typeParagraph(writer.doc, mal.id, 'Mål 1: Fler unga vuxna går vidare till arbete eller studier.')
    const indicators = new SectionFields(writer.doc, mal.id)
    indicators.addRow('rows', { goal: 'Mål 1', indicator: 'Andel i arbete eller studier', baseline: '22 %', target: '40 %' })

    // The analyst signs in their own client, with the app's own function, once the edits arrived.
    const signer = await newClient(server.wsUrl, plan.documentId, planAnalyst.token)
    await waitFor(() => new SectionFields(signer.doc, mal.id).rows('rows').length === 1 && signer.text(mal.id).includes('Mål 1'), 'edits reach the analyst', 10_000)
    writeSignOff(signer.doc, { itemId: 'J8', sectionId: mal.id, status: 'pass', note: '', userId: planAnalyst.id })
    // Client and server read the same values: a fresh sign-off counts, not stale.
    await waitFor(async () => (await planReport())('J8').status === 'pass', 'the sign-off counts', 10_000)
    expect((await planReport())('J8').stale).toBeUndefined()

    // Only the table changes, not the text: the analyst judged a different table.
    indicators.addRow('rows', { goal: 'Mål 2', indicator: 'Nöjdhet', baseline: '', target: '80 %' })
    await waitFor(async () => (await planReport())('J8').stale === true, 'a new indicator row makes the sign-off stale', 10_000)
    const stale = (await planReport())('J8')
    expect(stale).toMatchObject({ status: 'pending', stale: true, sectionId: mal.id })
    expect(stale.message).toContain('har ändrats sedan')

    // Signed again on the new table, it counts again.
    await waitFor(() => new SectionFields(signer.doc, mal.id).rows('rows').length === 2, 'the row reaches the analyst', 10_000)
    writeSignOff(signer.doc, { itemId: 'J8', sectionId: mal.id, status: 'pass', note: '', userId: planAnalyst.id })
    await waitFor(async () => (await planReport())('J8').status === 'pass', 'a new sign-off counts', 10_000)
    writer.destroy()
    signer.destroy()
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
