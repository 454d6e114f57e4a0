import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
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

describe('section locks in the browser', () => {
  it('a coordinator locks a section: it turns read-only for the editor live, and editable again on unlock', async () => {
    const coordinatorPage = await (await browser.newContext()).newPage()
    const editorPage = await (await browser.newContext()).newPage()
    await logIn(coordinatorPage, server.url, fixture.coordinator.email)
    await logIn(editorPage, server.url, editor.email)
    for (const page of [coordinatorPage, editorPage]) {
      await openDocument(page, server.url, fixture.documentId)
    }

    const section = fixture.sections[0]!
    const editorOf = (page: Page) => page.getByRole('textbox', { name: section.title, exact: true })
    const sectionOf = (page: Page) => page.locator(`#section-${section.id}`)
    await expect.poll(() => editorOf(editorPage).getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')

    // The form opens with focus in its field; Escape and "Avbryt" close it and give focus back to
    // the button that opened it, and after locking the button (now "Lås upp") has it.
    const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement)
    // Every section has the button: its name says which one.
    const lockButton = sectionOf(coordinatorPage).getByRole('button', { name: `Lås för granskning: ${section.title}`, exact: true })
    const lockForm = sectionOf(coordinatorPage).getByRole('form', { name: `Lås för granskning: ${section.title}` })
    const reason = lockForm.getByLabel('Anledning (valfritt)')
    await lockButton.click()
    await expect.poll(() => hasFocus(reason)).toBe(true)
    await coordinatorPage.keyboard.press('Escape')
    await expect.poll(() => lockForm.count()).toBe(0)
    await expect.poll(() => hasFocus(lockButton)).toBe(true)
    await coordinatorPage.keyboard.press('Enter')
    await expect.poll(() => hasFocus(reason)).toBe(true)
    await lockForm.getByRole('button', { name: 'Avbryt' }).click()
    await expect.poll(() => lockForm.count()).toBe(0)
    await expect.poll(() => hasFocus(lockButton)).toBe(true)

    // Lock with a reason.
    await lockButton.click()
    await reason.fill('Granskas av styrelsen')
    await lockForm.getByRole('button', { name: 'Lås avsnittet' }).click()
    await expect.poll(() => hasFocus(sectionOf(coordinatorPage).getByRole('button', { name: `Lås upp: ${section.title}`, exact: true })), { timeout: 5_000 }).toBe(true)

    await expect.poll(() => editorOf(editorPage).getAttribute('contenteditable'), { timeout: 3_000 }).toBe('false')
    await expect.poll(() => sectionOf(editorPage).getByTestId('lock-badge').textContent(), { timeout: 3_000 }).toContain('Låst av Samordnare Siv')
    expect(await sectionOf(editorPage).getByTestId('lock-badge').textContent()).toContain('Granskas av styrelsen')
    await expect
      .poll(() => editorPage.getByRole('status').allTextContents(), { timeout: 3_000 })
      .toContain(`Avsnittet ”${section.title}” låstes för granskning av Samordnare Siv`)
    // The coordinator may still edit a locked section.
    expect(await editorOf(coordinatorPage).getAttribute('contenteditable')).toBe('true')
    expect(await seriousViolations(editorPage)).toEqual([])
    expect(await seriousViolations(coordinatorPage)).toEqual([])

    // Unlock: the editor can type again and the coordinator sees it.
    await sectionOf(coordinatorPage).getByRole('button', { name: 'Lås upp' }).click()
    await expect.poll(() => editorOf(editorPage).getAttribute('contenteditable'), { timeout: 3_000 }).toBe('true')
    await expect.poll(() => sectionOf(editorPage).getByTestId('lock-badge').count(), { timeout: 3_000 }).toBe(0)
    await editorOf(editorPage).click()
    await editorPage.keyboard.type('Skrivet efter upplåsning.')
    await expect.poll(() => editorOf(coordinatorPage).textContent(), { timeout: 10_000 }).toContain('Skrivet efter upplåsning.')
  })

  it('keeps keyboard focus on the lock button through locking and unlocking', async () => {
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, fixture.coordinator.email)
    await openDocument(page, server.url, fixture.documentId)
    const sectionOf = page.locator(`#section-${fixture.sections[2]!.id}`)
    const focusedText = () => page.evaluate(() => (document.activeElement === document.body ? '<body>' : document.activeElement?.textContent ?? null))
    const lockButton = sectionOf.getByRole('button', { name: 'Lås för granskning' })
    await lockButton.waitFor({ timeout: 10_000 })
    await lockButton.focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await sectionOf.getByTestId('lock-badge').waitFor({ timeout: 5_000 })
    await expect.poll(focusedText, { timeout: 5_000 }).toBe('Lås upp')
    // Unlocking: the busy button was disabled, which dropped focus to <body>.
    await page.keyboard.press('Enter')
    await expect.poll(() => sectionOf.getByTestId('lock-badge').count(), { timeout: 5_000 }).toBe(0)
    await expect.poll(focusedText, { timeout: 5_000 }).toBe('Lås för granskning')
    await page.context().close()
  })

  it('text typed offline into a section locked meanwhile is refused, and offered for copying after the reload', async () => {
    const coordinatorPage = await (await browser.newContext()).newPage()
    const editorContext = await browser.newContext()
    const editorPage = await editorContext.newPage()
    await logIn(coordinatorPage, server.url, fixture.coordinator.email)
    await logIn(editorPage, server.url, editor.email)
    for (const page of [coordinatorPage, editorPage]) {
      await openDocument(page, server.url, fixture.documentId)
    }
    const section = fixture.sections[1]!
    const editorOf = (page: Page) => page.getByRole('textbox', { name: section.title, exact: true })
    const sectionOf = (page: Page) => page.locator(`#section-${section.id}`)

    // Connected is not loaded: going offline before the first sync would leave no section to type in.
    await editorOf(editorPage).waitFor({ timeout: 15_000 })
    await editorContext.setOffline(true)
    await editorPage.getByTestId('connection-status').filter({ hasText: 'Ingen anslutning' }).waitFor({ timeout: 10_000 })
    await editorOf(editorPage).click()
    await editorPage.keyboard.type('Offlinetext som servern vägrar.')

    await sectionOf(coordinatorPage).getByRole('button', { name: 'Lås för granskning' }).click()
    await sectionOf(coordinatorPage).getByRole('button', { name: 'Lås avsnittet' }).click()
    await expect.poll(() => sectionOf(coordinatorPage).getByTestId('lock-badge').count(), { timeout: 3_000 }).toBe(1)

    await editorContext.setOffline(false)
    const reload = editorPage.getByRole('button', { name: 'Ladda om dokumentet' })
    await reload.waitFor({ timeout: 10_000 })
    await reload.click()

    const unsaved = editorPage.getByRole('textbox', { name: `Text som inte kunde sparas: ${section.title}` })
    await expect.poll(() => unsaved.inputValue(), { timeout: 10_000 }).toContain('Offlinetext som servern vägrar.')
    expect(await unsaved.getAttribute('readonly')).not.toBeNull()
    await expect.poll(() => editorOf(editorPage).getAttribute('contenteditable'), { timeout: 10_000 }).toBe('false')
    expect(await editorOf(editorPage).textContent()).not.toContain('Offlinetext')
    expect(await editorPage.getByRole('button', { name: 'Ladda om dokumentet' }).count()).toBe(0)
    expect(await editorPage.getByRole('button', { name: 'Kopiera' }).count()).toBe(1)
    expect(await seriousViolations(editorPage)).toEqual([])
  })
  it('shows the coordinator an audit log of locks, and refuses it to an editor', async () => {
    const section = fixture.sections[1]!
    await call(server.url, 'POST', `/api/documents/${fixture.documentId}/sections/${section.id}/lock`, fixture.coordinator.token, { reason: 'Till styrgruppen' })
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, fixture.coordinator.email)
    await page.goto(`${server.url}/d/${fixture.documentId}/logg`)
    const row = page.getByRole('row').filter({ hasText: 'Låste ett avsnitt' }).filter({ hasText: 'Till styrgruppen' })
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await row.first().textContent()).toContain('Samordnare Siv')
    expect(await seriousViolations(page)).toEqual([])

    const editorPage = await (await browser.newContext()).newPage()
    await logIn(editorPage, server.url, editor.email)
    await editorPage.goto(`${server.url}/d/${fixture.documentId}/logg`)
    await expect.poll(() => editorPage.getByRole('alert').textContent(), { timeout: 10_000 }).toBeTruthy()
    expect(await editorPage.getByRole('row').count()).toBe(0)
  })
})
