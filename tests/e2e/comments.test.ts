import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { addThread } from '../utils/commentThread.ts'
import { RawClient } from '../utils/rawClient.ts'

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
  it('a pasted comment longer than 5 000 characters is cut there and says so', async () => {
    const { page } = await openAs(editor.email)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    const section = fixture.sections[1]!
    const text = page.getByRole('textbox', { name: section.title, exact: true })
    await expect.poll(() => text.getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')
    await text.click()
    await page.keyboard.type('Ett stycke att kommentera')
    await page.keyboard.press('Shift+Home')
    await page.locator(`#section-${section.id}`).getByRole('button', { name: `Kommentera: ${section.title}`, exact: true }).click()
    const field = page.locator(`#section-${section.id}`).getByLabel('Kommentar', { exact: true })
    await page.evaluate((pasted) => navigator.clipboard.writeText(pasted), 'Ett långt citat. '.repeat(400))
    await field.focus()
    await page.keyboard.press('Control+V')
    await expect.poll(() => field.inputValue().then((value) => value.length), { timeout: 5_000 }).toBe(5000)
    await page.getByText(/^Texten var för lång och kortades till 5\s000 tecken\. Kontrollera slutet\.$/).waitFor({ timeout: 5_000 })
    await page.context().close()
  })

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
    // Each section's button is named with its section, each thread's controls with the commented text.
    const commentButton = sectionOf(a).getByRole('button', { name: `Kommentera: ${section.title}`, exact: true })
    await expect.poll(() => commentButton.isEnabled(), { timeout: 3_000 }).toBe(true)
    await commentButton.click()
    await sectionOf(a).getByLabel('Kommentar', { exact: true }).fill('Vilken åldersgrupp?')
    await sectionOf(a).getByRole('button', { name: 'Spara kommentar' }).click()

    await expect.poll(() => sectionOf(b).locator('.comment-highlight').allTextContents(), { timeout: 10_000 }).toEqual(['unga vuxna'])
    const threadOf = (page: Page) => panelOf(page).getByTestId('comment-thread').filter({ hasText: 'Vilken åldersgrupp?' })
    await expect.poll(() => threadOf(b).count(), { timeout: 10_000 }).toBe(1)
    await threadOf(b).getByRole('textbox', { name: 'Svara (kommentar om ”unga vuxna”)', exact: true }).fill('18–29 år')
    await threadOf(b).getByRole('button', { name: 'Skicka svar (kommentar om ”unga vuxna”)', exact: true }).click()

    await expect.poll(() => threadOf(a).textContent(), { timeout: 10_000 }).toContain('18–29 år')
    expect(await seriousViolations(a)).toEqual([])
    expect(await seriousViolations(b)).toEqual([])

    // Only the author edits; a coordinator may also delete someone else's message (moderation).
    const messageOf = (page: Page, text: string) => threadOf(page).locator('.comment-message').filter({ hasText: text })
    expect(await messageOf(b, 'Vilken åldersgrupp?').getByRole('button').count()).toBe(0)
    expect(await messageOf(a, '18–29 år').getByRole('button', { name: 'Redigera' }).count()).toBe(0)
    // Escape leaves the edit unsaved, and focus goes back to "Redigera", which Enter opens again.
    const editButton = messageOf(b, '18–29 år').getByRole('button', { name: 'Redigera ”18–29 år” (Elsa Editor)', exact: true })
    await editButton.click()
    await expect.poll(() => messageOf(b, '18–29 år').getByLabel('Redigera kommentar').evaluate((field) => field === document.activeElement), { timeout: 5_000 }).toBe(true)
    await b.keyboard.type(' ångrat')
    await b.keyboard.press('Escape')
    await expect.poll(() => editButton.evaluate((button) => button === document.activeElement), { timeout: 5_000 }).toBe(true)
    expect(await messageOf(b, '18–29 år').textContent()).not.toContain('ångrat')
    await b.keyboard.press('Enter')
    await messageOf(b, '18–29 år').getByLabel('Redigera kommentar').fill('18–29 år, främst 20–25')
    await threadOf(b).getByRole('button', { name: 'Spara ändring' }).click()
    await expect.poll(() => threadOf(a).textContent(), { timeout: 10_000 }).toContain('(redigerad)')
    await messageOf(a, 'främst 20–25').getByRole('button', { name: 'Ta bort ”18–29 år, främst 20–25” (Elsa Editor)', exact: true }).click()
    await expect.poll(() => messageOf(b, 'främst 20–25').count(), { timeout: 10_000 }).toBe(0)
    expect(await threadOf(b).count()).toBe(1)
    await threadOf(a).getByRole('button', { name: 'Markera som löst (kommentar om ”unga vuxna”)', exact: true }).click()
    await expect.poll(() => threadOf(b).count(), { timeout: 10_000 }).toBe(0)
    await expect.poll(() => sectionOf(b).locator('.comment-highlight').count(), { timeout: 10_000 }).toBe(0)
    await panelOf(b).getByRole('combobox', { name: 'Visa' }).selectOption({ label: 'Lösta' })
    await expect.poll(() => threadOf(b).count(), { timeout: 10_000 }).toBe(1)
    expect(aDialogs() || bDialogs()).toBe(false)
  })

  it('links a highlight and its thread: a click on the text shows and marks the thread, "Visa i texten" selects the text', async () => {
    const { page } = await openAs(fixture.coordinator.email)
    const section = fixture.sections[2] ?? fixture.sections[0]!
    const sectionOf = page.locator(`#section-${section.id}`)
    const editorOf = page.getByRole('textbox', { name: section.title, exact: true })
    const panel = page.getByRole('complementary', { name: 'Kommentarer' })
    await expect.poll(() => editorOf.getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')
    await editorOf.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' Insatser för nyanlända familjer')
    for (let i = 0; i < 'nyanlända familjer'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
    await sectionOf.getByRole('button', { name: 'Kommentera' }).click()
    await sectionOf.getByLabel('Kommentar', { exact: true }).fill('Vilka kommuner?')
    await sectionOf.getByRole('button', { name: 'Spara kommentar' }).click()
    const thread = panel.getByTestId('comment-thread').filter({ hasText: 'Vilka kommuner?' })
    await expect.poll(() => thread.count(), { timeout: 10_000 }).toBe(1)
    const threadId = await thread.getAttribute('data-thread-id')
    const highlight = sectionOf.locator(`.comment-highlight[data-thread-id="${threadId}"]`)
    await expect.poll(() => highlight.textContent(), { timeout: 10_000 }).toBe('nyanlända familjer')

    // Filtered away, the thread is still found: the panel goes back to open threads.
    await panel.getByRole('combobox', { name: 'Visa' }).selectOption({ label: 'Lösta' })
    await expect.poll(() => thread.count()).toBe(0)
    await highlight.click()
    await expect.poll(() => thread.getAttribute('aria-current'), { timeout: 5_000 }).toBe('true')
    await expect.poll(() => thread.evaluate((element) => {
      const box = element.getBoundingClientRect()
      return box.top >= 0 && box.bottom <= window.innerHeight
    })).toBe(true)
    // Focus stays in the text the user clicked, so writing there goes on undisturbed.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(section.title)
    await expect.poll(() => highlight.getAttribute('class')).toContain('comment-highlight--active')

    // From the panel (keyboard): the commented words become the editor's selection, with focus in the editor.
    await page.evaluate(() => window.getSelection()?.removeAllRanges())
    await thread.getByRole('button', { name: 'Visa i texten (kommentar om ”nyanlända familjer”)', exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('nyanlända familjer')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(section.title)
    expect(await seriousViolations(page)).toEqual([])
  })

  it('keeps keyboard focus in place after replying, resolving and reopening, and a second Escape closes the comment form', async () => {
    const own = await newFixture(server.url, 'fardplan')
    const section = own.sections[0]!
    const raw = await RawClient.connect(server.wsUrl, own.documentId, own.coordinator.token)
    await raw.waitSynced()
    raw.edit((doc) => {
      addThread(doc, 'tråd-1', section.id, null, 'första citatet', own.coordinator, 'Första frågan')
      addThread(doc, 'tråd-2', section.id, null, 'andra citatet', own.coordinator, 'Andra frågan')
    })
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, own.coordinator.email)
    await openDocument(page, server.url, own.documentId)
    raw.close()
    const panel = page.getByRole('complementary', { name: 'Kommentarer' })
    const threadOf = (id: string) => panel.locator(`[data-thread-id="${id}"]`)
    const focused = () => page.evaluate(() => ({ thread: document.activeElement?.getAttribute('data-thread-id'), text: document.activeElement?.textContent }))
    const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement)
    const announced = async () => (await panel.getByRole('status').allTextContents()).map((text) => text.trim())
    await expect.poll(() => panel.getByTestId('comment-thread').count(), { timeout: 10_000 }).toBe(2)

    // "Skicka svar" turns disabled with the field empty: focus stays in the field.
    const reply = threadOf('tråd-1').getByRole('textbox', { name: 'Svara (kommentar om ”första citatet”)', exact: true })
    await reply.fill('Ett svar')
    await threadOf('tråd-1').getByRole('button', { name: 'Skicka svar (kommentar om ”första citatet”)', exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => threadOf('tråd-1').locator('.comment-message').count()).toBe(2)
    await expect.poll(() => hasFocus(reply)).toBe(true)
    expect(await announced()).toContain('Svaret skickades')

    // A resolved thread leaves the open list: focus goes to the next one, then to the heading.
    await threadOf('tråd-1').getByRole('button', { name: 'Markera som löst (kommentar om ”första citatet”)', exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => threadOf('tråd-1').count()).toBe(0)
    expect(await focused()).toMatchObject({ thread: 'tråd-2' })
    expect(await announced()).toContain('Kommentaren är markerad som löst. Du hittar den under ”Lösta”.')
    await threadOf('tråd-2').getByRole('button', { name: 'Markera som löst (kommentar om ”andra citatet”)', exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => threadOf('tråd-2').count()).toBe(0)
    expect(await focused()).toMatchObject({ text: 'Kommentarer' })

    // Reopened in "Lösta", a thread leaves that list the same way.
    await panel.getByRole('combobox', { name: 'Visa' }).selectOption({ label: 'Lösta' })
    await expect.poll(() => panel.getByTestId('comment-thread').count()).toBe(2)
    await threadOf('tråd-1').getByRole('button', { name: 'Öppna igen (kommentar om ”första citatet”)', exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => threadOf('tråd-1').count()).toBe(0)
    expect(await focused()).toMatchObject({ thread: 'tråd-2' })
    expect(await announced()).toContain('Kommentaren är öppen igen. Du hittar den under ”Öppna”.')
    expect(await seriousViolations(page)).toEqual([])

    // In the comment form the first Escape closes the @mention list, the second the form.
    const editor = page.getByRole('textbox', { name: section.title, exact: true })
    const sectionOf = page.locator(`#section-${section.id}`)
    await expect.poll(() => editor.getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')
    await editor.click()
    await page.keyboard.type('Samverkan med regionen')
    for (let i = 0; i < 'regionen'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
    await sectionOf.getByRole('button', { name: 'Kommentera' }).click()
    const field = sectionOf.getByLabel('Kommentar', { exact: true })
    await field.pressSequentially('Fråga @Sam')
    const listbox = sectionOf.getByRole('listbox', { name: 'Medlemmar att nämna' })
    await listbox.getByRole('option', { name: 'Samordnare Siv' }).waitFor({ timeout: 5_000 })
    await page.keyboard.press('Escape')
    await expect.poll(() => listbox.count()).toBe(0)
    expect(await hasFocus(field)).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => field.count()).toBe(0)
    expect(await hasFocus(editor)).toBe(true)
    await page.context().close()
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
