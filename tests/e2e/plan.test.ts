import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture
let editor: TestUser

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url, 'fardplan')
  editor = await fixture.addMember('editor', 'Elsa Editor')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const TITLE = 'Månadsmöte med förbundscheferna'

describe('the färdplan as a live plan', () => {
  it('an activity added by one user shows up in the other user’s table and timeline', async () => {
    const first = await (await browser.newContext()).newPage()
    const second = await (await browser.newContext()).newPage()
    await logIn(first, server.url, fixture.coordinator.email)
    await logIn(second, server.url, editor.email)
    for (const page of [first, second]) {
      await openDocument(page, server.url, fixture.documentId)
      await page.getByRole('heading', { name: 'Tids- och aktivitetsplan' }).waitFor({ timeout: 10_000 })
    }

    const form = first.getByRole('form', { name: 'Ny aktivitet' })
    await form.getByLabel('Aktivitet', { exact: true }).fill(TITLE)
    await form.getByLabel('Start', { exact: true }).fill('2024-01')
    await form.getByLabel('Slut', { exact: true }).fill('2024-06')
    await form.getByRole('button', { name: 'Lägg till aktivitet' }).click()

    const rowTitles = (page: Page) =>
      page.locator('.plan-table tbody input[aria-label^="Aktivitet"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))
    await expect.poll(() => rowTitles(first), { timeout: 10_000 }).toContain(TITLE)
    await expect.poll(() => rowTitles(second), { timeout: 10_000 }).toContain(TITLE)
    await expect.poll(() => second.getByTestId('timeline-bar').filter({ hasText: TITLE }).count(), { timeout: 10_000 }).toBe(1)
    expect(await second.getByTestId('timeline-bar').filter({ hasText: TITLE }).textContent()).toContain('januari 2024–juni 2024')

    // An edit of the status in B's table reaches A.
    await second.getByLabel('Status, rad 1', { exact: true }).selectOption('pagar')
    await expect.poll(() => first.getByLabel('Status, rad 1', { exact: true }).inputValue(), { timeout: 10_000 }).toBe('pagar')
    expect(await seriousViolations(second)).toEqual([])
  })
})
