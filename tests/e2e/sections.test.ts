import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getTemplate } from '@samskriv/schema'
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
  fixture = await newFixture(server.url, 'esf-projektide')
  editor = await fixture.addMember('editor', 'Elsa Editor')
  await fixture.addMember('viewer', 'Lars Läsare')
  await fixture.addMember('analyst', 'Anna Analytiker')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function openAs(page: Page, email: string) {
  await logIn(page, server.url, email)
  await openDocument(page, server.url, fixture.documentId)
}

const outlineOf = (page: Page) => page.getByRole('navigation', { name: 'Innehåll' })
const focusedElement = (page: Page) =>
  page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent, label: document.activeElement?.getAttribute('aria-label') }))

const outlineTitles = (page: Page) => outlineOf(page).getByRole('link').allTextContents()

describe('sections: limits, status and structure in the browser', () => {
  it('shows the over-limit warning, adds, reorders and removes sections and changes status live', async () => {
    const coordinatorPage = await (await browser.newContext()).newPage()
    const editorPage = await (await browser.newContext()).newPage()
    await openAs(coordinatorPage, fixture.coordinator.email)
    await openAs(editorPage, editor.email)

    // The section with the smallest character limit in the template.
    const limited = getTemplate('esf-projektide')
      .sections.filter((seed) => seed.charLimit !== null)
      .sort((a, b) => a.charLimit! - b.charLimit!)[0]!
    const target = fixture.sections.find((section) => section.key === limited.key)!
    const textboxOf = (page: Page) => page.getByRole('textbox', { name: target.title, exact: true })
    await expect.poll(() => textboxOf(editorPage).getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')
    await textboxOf(editorPage).click()
    await editorPage.keyboard.insertText('a'.repeat(limited.charLimit! + 25))
    await expect.poll(() => editorPage.getByTestId(`char-count-${target.key}`).textContent(), { timeout: 10_000 }).toContain('Över gränsen')
    await expect
      .poll(() => outlineOf(coordinatorPage).locator(`li[data-section-key="${target.key}"]`).textContent(), { timeout: 10_000 })
      .toContain(`${limited.charLimit! + 25}/${limited.charLimit}`)

    // A title of spaces adds nothing and says why; focus stays in the field to write one.
    const addForm = coordinatorPage.getByRole('form', { name: 'Lägg till avsnitt' })
    const newTitle = coordinatorPage.getByLabel('Nytt avsnitt', { exact: true })
    const sectionCount = (await outlineTitles(coordinatorPage)).length
    await newTitle.fill('   ')
    await coordinatorPage.getByRole('button', { name: 'Lägg till avsnitt' }).click()
    await expect.poll(() => addForm.getByRole('alert').allTextContents()).toEqual(['Skriv en rubrik för det nya avsnittet.'])
    expect(await newTitle.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(await newTitle.getAttribute('aria-invalid')).toBe('true')
    expect((await outlineTitles(coordinatorPage)).length).toBe(sectionCount)

    // The coordinator adds a section; the editor's outline shows it live.
    await newTitle.fill('Extra avsnitt')
    expect(await addForm.getByRole('alert').count()).toBe(0)
    await coordinatorPage.getByRole('button', { name: 'Lägg till avsnitt' }).click()
    await expect.poll(() => outlineOf(editorPage).getByRole('link', { name: 'Extra avsnitt' }).count(), { timeout: 10_000 }).toBe(1)
    expect((await outlineTitles(editorPage)).at(-1)).toBe('Extra avsnitt')

    // The editor moves it up; the coordinator sees the new order.
    await editorPage.getByRole('button', { name: 'Flytta upp: Extra avsnitt' }).click()
    await expect.poll(async () => (await outlineTitles(coordinatorPage)).at(-2), { timeout: 10_000 }).toBe('Extra avsnitt')
    // Focus stays on the moved section's button, for keyboard users.
    await expect.poll(() => editorPage.evaluate(() => document.activeElement?.getAttribute('aria-label')), { timeout: 3_000 }).toBe('Flytta upp: Extra avsnitt')

    // Required template sections cannot be removed; the added one can, after confirming.
    const required = getTemplate('esf-projektide').sections.find((seed) => seed.required)!
    const requiredTitle = fixture.sections.find((section) => section.key === required.key)!.title
    expect(await editorPage.getByRole('button', { name: `Ta bort avsnitt: ${requiredTitle}` }).count()).toBe(0)
    if (!limited.required) expect(await editorPage.getByRole('button', { name: `Ta bort avsnitt: ${target.title}` }).count()).toBe(1)

    // The editor sets a status: approval is for coordinators only.
    const first = fixture.sections[0]!
    const statusSelect = editorPage.locator(`#section-${first.id}`).getByRole('combobox', { name: `Status: ${first.title}`, exact: true })
    expect(await statusSelect.locator('option[value="godkand"]').isDisabled()).toBe(true)
    await statusSelect.selectOption({ label: 'Klar för granskning' })
    await expect
      .poll(() => outlineOf(coordinatorPage).locator(`li[data-section-key="${first.key}"]`).getByTestId('outline-status').textContent(), { timeout: 10_000 })
      .toBe('Klar för granskning')

    // The English summary's text is marked English for screen readers (WCAG 3.1.2); its heading stays Swedish.
    const english = fixture.sections.find((section) => section.key === 'summary-en')!
    expect(await coordinatorPage.getByRole('textbox', { name: english.title, exact: true }).evaluate((element) => element.closest('[lang]')?.getAttribute('lang'))).toBe('en')
    expect(await coordinatorPage.locator(`#section-${english.id} h2, #section-${english.id} h3`).first().evaluate((element) => element.closest('[lang]')?.getAttribute('lang'))).not.toBe('en')

    // The editor is made owner by the coordinator; the editor's outline names her. Who cannot write
    // the section (a viewer, an analyst) is not offered.
    const ownerSelect = coordinatorPage.locator(`#section-${first.id}`).getByRole('combobox', { name: `Ansvarig: ${first.title}`, exact: true })
    expect((await ownerSelect.locator('option').allTextContents()).sort()).toEqual(['Elsa Editor', 'Ingen', 'Samordnare Siv'])
    await ownerSelect.selectOption({ label: 'Elsa Editor' })
    await expect
      .poll(() => outlineOf(editorPage).locator(`li[data-section-key="${first.key}"]`).textContent(), { timeout: 10_000 })
      .toContain('Ansvarig: Elsa Editor')

    expect(await seriousViolations(coordinatorPage)).toEqual([])
    expect(await seriousViolations(editorPage)).toEqual([])

    // Removal asks in a group of its own: a double-click only opens it, with focus on "Avbryt".
    const removeButton = coordinatorPage.getByRole('button', { name: 'Ta bort avsnitt: Extra avsnitt' })
    const question = coordinatorPage.getByRole('group', { name: 'Ta bort avsnittet ”Extra avsnitt” och all text i det? Det går inte att ångra.' })
    await removeButton.dblclick()
    await question.waitFor({ timeout: 5_000 })
    expect(await outlineTitles(coordinatorPage)).toContain('Extra avsnitt')
    expect(await removeButton.getAttribute('aria-expanded')).toBe('true')
    await removeButton.focus()
    await coordinatorPage.keyboard.press('Enter')
    await expect.poll(() => focusedElement(coordinatorPage)).toMatchObject({ text: 'Avbryt' })
    expect(await seriousViolations(coordinatorPage)).toEqual([])
    // Escape and "Avbryt" close it and give focus back to the button; Enter twice removes nothing.
    await coordinatorPage.keyboard.press('Escape')
    await expect.poll(() => question.count()).toBe(0)
    expect(await focusedElement(coordinatorPage)).toMatchObject({ label: 'Ta bort avsnitt: Extra avsnitt' })
    await coordinatorPage.keyboard.press('Enter')
    await question.waitFor()
    await coordinatorPage.keyboard.press('Enter')
    await expect.poll(() => question.count()).toBe(0)
    expect(await focusedElement(coordinatorPage)).toMatchObject({ label: 'Ta bort avsnitt: Extra avsnitt' })
    expect(await outlineTitles(coordinatorPage)).toContain('Extra avsnitt')

    // Confirming removes it; focus goes to the heading of the section that takes its place.
    const after = (await outlineTitles(coordinatorPage)).at(-1)
    await coordinatorPage.keyboard.press('Enter')
    await question.getByRole('button', { name: 'Bekräfta borttagning av avsnittet Extra avsnitt' }).click()
    await expect.poll(() => outlineOf(editorPage).getByRole('link', { name: 'Extra avsnitt' }).count(), { timeout: 10_000 }).toBe(0)
    expect(await outlineTitles(coordinatorPage)).not.toContain('Extra avsnitt')
    expect(await focusedElement(coordinatorPage)).toMatchObject({ tag: 'H2', text: after })
  })

  it('the header switches the UI to English and back, remembering the choice', async () => {
    const page = await (await browser.newContext()).newPage()
    await openAs(page, editor.email)
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('navigation', { name: 'Contents' }).waitFor({ timeout: 10_000 })
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.reload()
    await page.getByRole('navigation', { name: 'Contents' }).waitFor({ timeout: 10_000 })
    expect(await seriousViolations(page)).toEqual([])
    // Roles read in the UI's language too.
    await page.goto(`${server.url}/`)
    await page.getByText('Your role: Writer').waitFor({ timeout: 10_000 })
    await page.goto(`${server.url}/d/${fixture.documentId}`)
    await page.getByRole('navigation', { name: 'Contents' }).waitFor({ timeout: 10_000 })
    await page.getByRole('button', { name: 'Byt till svenska' }).click()
    await page.getByRole('navigation', { name: 'Innehåll' }).waitFor({ timeout: 10_000 })
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv')
  })
})
