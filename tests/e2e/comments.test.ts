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

async function openAs(email: string): Promise<{ page: Page; dialogs: () => boolean }> {
  const page = await (await browser.newContext()).newPage()
  let dialog = false
  page.on('dialog', (opened) => {
    dialog = true
    void opened.dismiss()
  })
  await logIn(page, server.url, email)
  await openDocument(page, server.url, fixture.documentId)
  return { page, dialogs: () => dialog }
}

describe('comments in the browser', () => {
  it('A comments selected text; B sees the highlight and replies; A resolves it', async () => {
    const { page: a, dialogs: aDialogs } = await openAs(fixture.coordinator.email)
    const { page: b, dialogs: bDialogs } = await openAs(editor.email)
    const section = fixture.sections[0]!
    const sectionOf = (page: Page) => page.locator(`#section-${section.id}`)
    const editorOf = (page: Page) => page.getByRole('textbox', { name: section.title, exact: true })
    const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Kommentarer' })

    await expect.poll(() => editorOf(a).getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')
    await editorOf(a).click()
    await a.keyboard.type('Vi ska samverka kring unga vuxna')
    for (let i = 0; i < 'unga vuxna'.length; i++) await a.keyboard.press('Shift+ArrowLeft')
    const commentButton = sectionOf(a).getByRole('button', { name: 'Kommentera' })
    await expect.poll(() => commentButton.isEnabled(), { timeout: 3_000 }).toBe(true)
    await commentButton.click()
    await sectionOf(a).getByLabel('Kommentar', { exact: true }).fill('Vilken åldersgrupp?')
    await sectionOf(a).getByRole('button', { name: 'Spara kommentar' }).click()

    await expect.poll(() => sectionOf(b).locator('.comment-highlight').allTextContents(), { timeout: 10_000 }).toEqual(['unga vuxna'])
    const threadOf = (page: Page) => panelOf(page).getByTestId('comment-thread').filter({ hasText: 'Vilken åldersgrupp?' })
    await expect.poll(() => threadOf(b).count(), { timeout: 10_000 }).toBe(1)
    await threadOf(b).getByLabel('Svara').fill('18–29 år')
    await threadOf(b).getByRole('button', { name: 'Skicka svar' }).click()

    await expect.poll(() => threadOf(a).textContent(), { timeout: 10_000 }).toContain('18–29 år')
    expect(await seriousViolations(a)).toEqual([])
    expect(await seriousViolations(b)).toEqual([])

    // Only the author edits; a coordinator may also delete someone else's message (moderation).
    const messageOf = (page: Page, text: string) => threadOf(page).locator('.comment-message').filter({ hasText: text })
    expect(await messageOf(b, 'Vilken åldersgrupp?').getByRole('button').count()).toBe(0)
    expect(await messageOf(a, '18–29 år').getByRole('button', { name: 'Redigera' }).count()).toBe(0)
    await messageOf(b, '18–29 år').getByRole('button', { name: 'Redigera' }).click()
    await messageOf(b, '18–29 år').getByLabel('Redigera kommentar').fill('18–29 år, främst 20–25')
    await threadOf(b).getByRole('button', { name: 'Spara ändring' }).click()
    await expect.poll(() => threadOf(a).textContent(), { timeout: 10_000 }).toContain('(redigerad)')
    await messageOf(a, 'främst 20–25').getByRole('button', { name: 'Ta bort' }).click()
    await expect.poll(() => messageOf(b, 'främst 20–25').count(), { timeout: 10_000 }).toBe(0)
    expect(await threadOf(b).count()).toBe(1)
    await threadOf(a).getByRole('button', { name: 'Markera som löst' }).click()
    await expect.poll(() => threadOf(b).count(), { timeout: 10_000 }).toBe(0)
    await expect.poll(() => sectionOf(b).locator('.comment-highlight').count(), { timeout: 10_000 }).toBe(0)
    await panelOf(b).getByLabel('Visa').selectOption({ label: 'Lösta' })
    await expect.poll(() => threadOf(b).count(), { timeout: 10_000 }).toBe(1)
    expect(aDialogs() || bDialogs()).toBe(false)
  })

  it('renders markup in comment bodies as text: no script runs, no dialog opens', async () => {
    const { page: a, dialogs: aDialogs } = await openAs(fixture.coordinator.email)
    const { page: b, dialogs: bDialogs } = await openAs(editor.email)
    const section = fixture.sections[1]!
    const sectionOf = (page: Page) => page.locator(`#section-${section.id}`)
    const editorOf = (page: Page) => page.getByRole('textbox', { name: section.title, exact: true })
    await expect.poll(() => editorOf(a).getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')
    await editorOf(a).click()
    await a.keyboard.type('Budget')
    for (let i = 0; i < 'Budget'.length; i++) await a.keyboard.press('Shift+ArrowLeft')
    await sectionOf(a).getByRole('button', { name: 'Kommentera' }).click()
    const payload = '<img src=x onerror=alert(1)> <script>alert(1)</script>'
    await sectionOf(a).getByLabel('Kommentar', { exact: true }).fill(payload)
    await sectionOf(a).getByRole('button', { name: 'Spara kommentar' }).click()

    const thread = b.getByTestId('comment-thread').filter({ hasText: '<script>alert(1)</script>' })
    await expect.poll(() => thread.count(), { timeout: 10_000 }).toBe(1)
    expect(await thread.locator('img, script').count()).toBe(0)
    expect(await thread.textContent()).toContain('<img src=x onerror=alert(1)>')
    expect(aDialogs() || bDialogs()).toBe(false)
  })
})
