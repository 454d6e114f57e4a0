import { sectionEntry } from '@samskriv/schema'
import { describe, expect, it } from 'vitest'
import { call } from '../utils/api.ts'
import { logIn, seriousViolations } from '../utils/browser.ts'
import { browserSuite } from '../utils/browserSuite.ts'
import { newClient } from '../utils/newClient.ts'

const suite = browserSuite('esf-projektide')

describe('the audit log in the browser', () => {
  it('names locked sections by title, says when one has been removed, and follows the English toggle', async () => {
    const { server, browser, fixture } = suite
    const token = fixture.coordinator.token
    const lockPath = (sectionId: string) => `/api/documents/${fixture.documentId}/sections/${sectionId}/lock`
    const problem = fixture.sections.find((section) => section.key === 'problem')!
    expect((await call(server.url, 'POST', lockPath(problem.id), token, { reason: 'Granskas av styrgruppen' })).status).toBe(200)

    // An added section is locked, unlocked and removed (the template's own cannot be removed).
    const client = await newClient(server.wsUrl, fixture.documentId, token)
    const extra = 'tillfalligt'
    client.doc.transact(() => {
      client.doc
        .getMap('sections')
        .set(extra, sectionEntry({ key: 'eget-tillfalligt', title: 'Tillfälligt avsnitt', guidance: '', charLimit: null, required: false }))
      client.doc.getArray<string>('outline').push([extra])
    })
    // The lock is refused (404) until the section has reached the server; a refusal changes nothing.
    await expect.poll(async () => (await call(server.url, 'POST', lockPath(extra), token, {})).status, { timeout: 10_000 }).toBe(200)
    expect((await call(server.url, 'DELETE', lockPath(extra), token)).status).toBe(200)
    client.doc.transact(() => {
      const outline = client.doc.getArray<string>('outline')
      outline.delete(outline.toArray().indexOf(extra), 1)
      client.doc.getMap('sections').delete(extra)
    })

    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, fixture.coordinator.email)
    await page.goto(`${server.url}/d/${fixture.documentId}/logg`)
    await page.getByRole('heading', { name: 'Händelselogg', level: 1 }).waitFor({ timeout: 10_000 })
    const cellTexts = () => page.getByRole('cell').allTextContents()
    await expect
      .poll(cellTexts, { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          `”${problem.title}”, skäl: Granskas av styrgruppen`,
          'Ett borttaget avsnitt, inget skäl angivet',
          'Ett borttaget avsnitt',
        ]),
      )
    expect(await seriousViolations(page)).toEqual([])

    // Chrome, actions and details alike read in English once the user switches.
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor({ timeout: 10_000 })
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['When', 'Who', 'Event', 'Details'])
    expect(await page.getByRole('link', { name: 'Back to the document' }).count()).toBe(1)
    await expect
      .poll(cellTexts, { timeout: 10_000 })
      .toEqual(
        expect.arrayContaining([
          'Created the document',
          '“Ansökan”, template: ESF+ project idea',
          'Locked a section',
          'Unlocked a section',
          `“${problem.title}”, reason: Granskas av styrgruppen`,
          'A removed section, no reason given',
          'A removed section',
        ]),
      )
    expect(await seriousViolations(page)).toEqual([])
    client.destroy()
    await page.context().close()
  })
})
