import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture
let analyst: TestUser

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url, 'horisontell-analys')
  analyst = await fixture.addMember('analyst', 'Anna Analytiker')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function openAs(page: Page, email: string) {
  await logIn(page, server.url, email)
  await openDocument(page, server.url, fixture.documentId)
}

describe('checks of the horizontal principles in the browser', () => {
  it('an analyst runs the checks, jumps to a section, signs off a manual item and sees it pass', async () => {
    const page = await (await browser.newContext()).newPage()
    await openAs(page, analyst.email)
    const panel = page.getByRole('region', { name: 'Kontroll av horisontella principer' })

    await panel.getByRole('button', { name: 'Kör kontroll' }).click()
    const verdict = panel.getByTestId('checks-verdict')
    await expect.poll(() => verdict.textContent(), { timeout: 10_000 }).toMatch(/Godkänd|Varningar|Underkänd|Väntar på analytiker/)
    expect(await panel.getByText('Checklista horisontell-analys version').count()).toBe(1)
    await expect.poll(() => page.getByRole('status').allTextContents(), { timeout: 5_000 }).toContainEqual(expect.stringContaining('Kontrollen är klar'))

    const equality = panel.getByRole('region', { name: 'Jämställdhet' })
    await expect.poll(() => equality.getByRole('listitem').count(), { timeout: 5_000 }).toBeGreaterThan(0)

    // J7 is a manual item about the "jamstalldhet" section: jump there.
    const j7 = equality.getByTestId('check-J7')
    expect(await j7.textContent()).toContain('Väntar på bedömning')
    const target = fixture.sections.find((section) => section.key === 'jamstalldhet')!
    await j7.getByRole('button', { name: 'Gå till avsnittet' }).click()
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 3_000 }).toBe(`#section-${target.id}`)
    await expect
      .poll(() => page.evaluate((id) => document.getElementById(`section-${id}`)?.contains(document.activeElement) ?? false, target.id), { timeout: 3_000 })
      .toBe(true)

    // Sign off and see the re-run pass it.
    await j7.getByLabel('Bedömning').selectOption({ label: 'Godkänd' })
    await j7.getByLabel('Anteckning').fill('Orsakerna förklaras väl.')
    await j7.getByRole('button', { name: 'Signera' }).click()
    await expect.poll(() => j7.locator('.checks-status').textContent(), { timeout: 10_000 }).toBe('Godkänd')
    expect(await j7.textContent()).toContain('Orsakerna förklaras väl.')
    expect(await j7.textContent()).not.toContain('Inaktuell')

    // The report downloads as Markdown.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      panel.getByRole('button', { name: 'Ladda ner rapport (Markdown)' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('kontrollrapport.md')

    expect(await seriousViolations(page)).toEqual([])
  })

  it('an editor sees the checks but no sign-off form', async () => {
    const editor = await fixture.addMember('editor', 'Elsa Editor')
    const page = await (await browser.newContext()).newPage()
    await openAs(page, editor.email)
    const panel = page.getByRole('region', { name: 'Kontroll av horisontella principer' })
    await panel.getByRole('button', { name: 'Kör kontroll' }).click()
    await expect.poll(() => panel.getByTestId('check-J8').count(), { timeout: 10_000 }).toBe(1)
    expect(await panel.getByRole('button', { name: 'Signera' }).count()).toBe(0)
  })
})
