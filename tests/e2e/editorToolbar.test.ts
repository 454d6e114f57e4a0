import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture
let editor: TestUser
let analyst: TestUser

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url, 'fardplan')
  editor = await fixture.addMember('editor', 'Elsa Editor')
  analyst = await fixture.addMember('analyst', 'Anna Analytiker')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function open(email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await logIn(page, server.url, email)
  await openDocument(page, server.url, fixture.documentId)
  return page
}

describe('the formatting toolbar of a section', () => {
  it('makes bold text, a heading, a list and a link with its own text; another user sees them, and so does a reload', async () => {
    const section = fixture.sections[0]!
    const a = await open(fixture.coordinator.email)
    const b = await open(editor.email)
    let socketsOfA = 0
    a.on('websocket', () => socketsOfA++)
    const editorOf = (page: Page) => page.getByRole('textbox', { name: section.title, exact: true })
    const toolbar = a.getByRole('toolbar', { name: `Formatering: ${section.title}` })
    const button = (name: string) => toolbar.getByRole('button', { name, exact: true })

    await expect
      .poll(() => editorOf(a).getAttribute('contenteditable'), { timeout: 10_000 })
      .toBe('true')
    await editorOf(a).click()
    await a.keyboard.type('Mål för projektet')
    await button('Rubrik').click()
    expect(await button('Rubrik').getAttribute('aria-pressed')).toBe('true')
    await a.keyboard.press('End')
    await a.keyboard.press('Enter')
    await a.keyboard.type('Vi ska nå unga vuxna. Läs mer')
    for (let i = 0; i < 'unga vuxna. Läs mer'.length; i++) await a.keyboard.press('ArrowLeft')
    for (let i = 0; i < 'unga vuxna'.length; i++) await a.keyboard.press('Shift+ArrowRight')
    expect(await button('Fetstil').getAttribute('aria-pressed')).toBe('false')
    await button('Fetstil').click()
    await expect.poll(() => button('Fetstil').getAttribute('aria-pressed')).toBe('true')
    expect(await button('Fetstil').getAttribute('title')).toBe('Fetstil (Ctrl+B)')

    // Ctrl+K at the end: an address and the link's own text.
    await a.keyboard.press('End')
    await a.keyboard.type(' på ')
    await a.keyboard.press('Control+k')
    const dialog = a.getByRole('dialog', { name: 'Länk' })
    await dialog.waitFor({ timeout: 5_000 })
    // Only http(s) and mailto: another scheme is refused with a message.
    await dialog.getByLabel('Adress').fill('javascript:alert(1)')
    await dialog.getByLabel('Text som visas').fill('vår hjälpsida')
    await dialog.getByRole('button', { name: 'Spara länk' }).click()
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('https://')
    expect(await seriousViolations(a)).toEqual([])
    await dialog.getByLabel('Adress').fill('samskriv.se/hjalp')
    await a.keyboard.press('Enter')
    await expect.poll(() => dialog.count()).toBe(0)
    await a.keyboard.type(' i dag.')

    // A list, by keyboard: Shift+Tab from the text reaches the toolbar, one tab stop; arrows move in it.
    const focused = () => a.evaluate(() => document.activeElement?.getAttribute('aria-label'))
    await a.keyboard.press('Shift+Tab')
    expect(await focused()).toBe('Fetstil')
    await a.keyboard.press('End')
    expect(await focused()).toBe('Ta bort länk')
    await a.keyboard.press('Escape')
    await expect.poll(focused).toBe(section.title)
    await a.keyboard.press('Shift+Tab')
    expect(await focused()).toBe('Ta bort länk')
    await a.keyboard.press('Home')
    for (let i = 0; i < 4; i++) await a.keyboard.press('ArrowRight')
    expect(await focused()).toBe('Punktlista')
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1)
    await a.keyboard.press('Enter')
    await expect.poll(() => button('Punktlista').getAttribute('aria-pressed')).toBe('true')

    for (const page of [b]) {
      await expect
        .poll(() => editorOf(page).locator('h3').textContent(), { timeout: 10_000 })
        .toBe('Mål för projektet')
      await expect
        .poll(() => editorOf(page).locator('strong').textContent(), { timeout: 10_000 })
        .toBe('unga vuxna')
      const link = editorOf(page).locator('a')
      await expect.poll(() => link.textContent(), { timeout: 10_000 }).toBe('vår hjälpsida')
      expect(await link.getAttribute('href')).toBe('https://samskriv.se/hjalp')
      await expect
        .poll(() => editorOf(page).locator('ul > li').count(), { timeout: 10_000 })
        .toBe(1)
      expect(await editorOf(page).locator('ul > li').textContent()).toContain('i dag.')
    }
    // The server kept it all (a refused update would have closed A's socket and made it reconnect).
    expect(socketsOfA).toBe(0)
    await b.reload()
    await b
      .getByTestId('connection-status')
      .filter({ hasText: 'Ansluten' })
      .waitFor({ timeout: 10_000 })
    await expect
      .poll(() => editorOf(b).locator('strong').textContent(), { timeout: 10_000 })
      .toBe('unga vuxna')
    expect(await editorOf(b).locator('a').getAttribute('href')).toBe('https://samskriv.se/hjalp')
    expect(await editorOf(b).locator('a').textContent()).toBe('vår hjälpsida')
    expect(await editorOf(b).locator('h3').textContent()).toBe('Mål för projektet')

    // Remove the link from the toolbar: the caret in it, "Ta bort länk".
    await editorOf(a).locator('strong').click()
    await a.keyboard.press('End')
    for (let i = 0; i < ' i dag.xx'.length; i++) await a.keyboard.press('ArrowLeft')
    await expect.poll(() => button('Ta bort länk').getAttribute('aria-disabled')).toBe(null)
    await button('Ta bort länk').click()
    await expect.poll(() => editorOf(b).locator('a').count(), { timeout: 10_000 }).toBe(0)
    expect(await editorOf(b).textContent()).toContain('vår hjälpsida')
    expect(await seriousViolations(a)).toEqual([])
  })

  it('shows no toolbar where the reader may not write', async () => {
    const page = await open(analyst.email)
    const section = fixture.sections[0]!
    await expect
      .poll(
        () =>
          page
            .getByRole('textbox', { name: section.title, exact: true })
            .getAttribute('contenteditable'),
        { timeout: 10_000 },
      )
      .toBe('false')
    expect(await page.getByRole('toolbar', { name: `Formatering: ${section.title}` }).count()).toBe(
      0,
    )
  })

  it('links the text that was selected even when someone writes before it while the dialog is open', async () => {
    const section = fixture.sections[2]!
    const a = await open(fixture.coordinator.email)
    const b = await open(editor.email)
    const editorOf = (page: Page) => page.getByRole('textbox', { name: section.title, exact: true })
    const plain = (page: Page) =>
      editorOf(page).evaluate((element) => {
        const copy = element.cloneNode(true) as HTMLElement
        copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
        // The other person's selection is drawn as a span around the text: a decoration, not content.
        copy.querySelectorAll('.ProseMirror-yjs-selection').forEach((span) => span.replaceWith(...Array.from(span.childNodes)))
        return copy.innerHTML
      })
    const textOf = (page: Page) => plain(page).then((html) => html.replace(/<[^>]+>/g, ''))
    await expect.poll(() => editorOf(a).getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')
    await editorOf(a).click()
    await a.keyboard.type('Se vår webbplats för mer.')
    await expect.poll(() => textOf(b), { timeout: 10_000 }).toContain('webbplats för mer.')

    // Alice selects "webbplats" and opens the dialog…
    await a.keyboard.press('Home')
    for (let i = 0; i < 'Se vår '.length; i++) await a.keyboard.press('ArrowRight')
    for (let i = 0; i < 'webbplats'.length; i++) await a.keyboard.press('Shift+ArrowRight')
    // The editor's own selection (ProseMirror reads the browser's a moment later), as the dialog will take it.
    const editorSelection = () =>
      editorOf(a).evaluate((element) => {
        const { state } = (element as unknown as { editor: { state: { selection: { from: number; to: number }; doc: { textBetween: (from: number, to: number) => string } } } }).editor
        return state.doc.textBetween(state.selection.from, state.selection.to)
      })
    await expect.poll(editorSelection).toBe('webbplats')
    await a.keyboard.press('Control+k')
    const dialog = a.getByRole('dialog', { name: 'Länk' })
    await dialog.waitFor({ timeout: 5_000 })
    expect(await dialog.getByLabel('Text som visas').inputValue()).toBe('webbplats')
    await dialog.getByLabel('Adress').fill('samskriv.se')
    // …while Bob writes at the start of the paragraph, and Alice's page has it.
    await editorOf(b).click()
    await b.keyboard.press('Control+Home')
    await b.keyboard.type('OBS! ')
    await expect.poll(() => textOf(a), { timeout: 10_000 }).toContain('OBS! Se vår')
    await dialog.getByRole('button', { name: 'Spara länk' }).click()

    const linked = /OBS! Se vår <a [^>]*href="https:\/\/samskriv\.se"[^>]*>webbplats<\/a> för mer\./
    await expect.poll(() => plain(b), { timeout: 10_000 }).toMatch(linked)
    expect(await plain(a)).toMatch(linked)
    await a.context().close()
    await b.context().close()
  })
})
