import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { userColor } from '@samskriv/protocol'
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

describe('two people co-edit a section in the browser', () => {
  it('each sees the other’s text and caret, and the pages have no serious accessibility violations', async () => {
    const first = await (await browser.newContext()).newPage()
    const second = await (await browser.newContext()).newPage()
    await logIn(first, server.url, fixture.coordinator.email)
    await logIn(second, server.url, editor.email)
    expect(await seriousViolations(first)).toEqual([])

    const section = fixture.sections[0]!
    for (const page of [first, second]) {
      await openDocument(page, server.url, fixture.documentId)
    }
    const editorOf = (page: typeof first) => page.getByLabel(section.title, { exact: true }).and(page.locator('[contenteditable]'))

    await editorOf(first).click()
    await first.keyboard.type('Hej från samordnaren. ')
    await editorOf(second).click()
    await second.keyboard.press('End')
    await second.keyboard.type('Och hej från skribenten.')

    for (const page of [first, second]) {
      await expect.poll(() => editorOf(page).textContent(), { timeout: 10_000 }).toContain('Hej från samordnaren.')
      await expect.poll(() => editorOf(page).textContent(), { timeout: 10_000 }).toContain('Och hej från skribenten.')
    }
    await expect.poll(() => first.locator('.collaboration-carets__label').allTextContents(), { timeout: 10_000 }).toContain('Elsa Editor')
    await expect.poll(() => second.locator('.collaboration-carets__label').allTextContents(), { timeout: 10_000 }).toContain('Samordnare Siv')

    // Drawn in the colour the server stamps on the editor's presence, not transparent (Tiptap's
    // caret takes only #rrggbb), and the editor's selection is shown too.
    const label = first.locator('.collaboration-carets__label', { hasText: 'Elsa Editor' })
    expect(await label.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(rgb(userColor(editor.id)))
    // Seen, not read: a screen reader reading the text does not hear the co-author's name in it.
    expect(await editorOf(first).ariaSnapshot()).not.toContain('Elsa Editor')
    await editorOf(second).press('Control+a')
    await expect.poll(() => first.locator('.ProseMirror-yjs-selection').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await seriousViolations(first)).toEqual([])
  })
})

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16))
  return `rgb(${r}, ${g}, ${b})`
}
