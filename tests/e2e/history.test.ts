import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { newClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture
let editor: TestUser

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url)
  editor = await fixture.addMember('editor', 'Elsa Editor')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Replaces a section's text with one paragraph through a stock provider, and waits until the server has it. */
async function setText(sectionId: string, text: string): Promise<void> {
  const writer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  const observer = await newClient(server.wsUrl, fixture.documentId, editor.token)
  writer.doc.transact(() => {
    const fragment = writer.doc.getXmlFragment(`section:${sectionId}`)
    fragment.delete(0, fragment.length)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text)])
    fragment.push([paragraph])
  })
  await waitFor(() => observer.text(sectionId).includes(text), 'server has the text')
  writer.destroy()
  observer.destroy()
}

describe('version history in the browser', () => {
  it('opens the history, shows an older version and its changes, restores it, and a second user sees the text return', async () => {
    const section = fixture.sections[0]!
    await setText(section.id, 'Ursprunglig text om målgruppen.')
    const saved = await call(server.url, 'POST', `/api/documents/${fixture.documentId}/versions`, fixture.coordinator.token, { name: 'Första utkastet' })
    expect(saved.status).toBe(201)
    await setText(section.id, 'Omskriven text om målgruppen.')

    const coordinatorPage = await (await browser.newContext()).newPage()
    const editorPage = await (await browser.newContext()).newPage()
    await logIn(coordinatorPage, server.url, fixture.coordinator.email)
    await logIn(editorPage, server.url, editor.email)
    for (const page of [coordinatorPage, editorPage]) await openDocument(page, server.url, fixture.documentId)
    const editorOf = (page: Page) => page.getByRole('textbox', { name: section.title, exact: true })
    await expect.poll(() => editorOf(editorPage).textContent(), { timeout: 10_000 }).toContain('Omskriven text')

    // Open the panel from the keyboard: focus moves to its heading.
    const toggle = editorPage.getByRole('button', { name: 'Historik', exact: true })
    await toggle.focus()
    await editorPage.keyboard.press('Enter')
    const panel = editorPage.getByRole('region', { name: 'Historik', exact: true })
    await expect.poll(() => editorPage.evaluate(() => document.activeElement?.id)).toBe('history-panel-title')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    // An editor may not save named versions; the form is a coordinator's.
    expect(await panel.getByLabel('Namn på ny version').count()).toBe(0)

    const list = panel.getByRole('list', { name: 'Versioner, nyast först' })
    await list.getByRole('button', { name: /Första utkastet/ }).click()
    const version = panel.getByRole('region', { name: section.title }).first()
    await expect.poll(() => version.textContent()).toContain('Ursprunglig text om målgruppen.')

    await panel.getByRole('button', { name: 'Jämför med nuvarande' }).click()
    const changed = panel.locator('.history-diff').getByRole('region', { name: section.title })
    await expect.poll(() => changed.locator('del').allTextContents()).toEqual(['Borttaget: Ursprunglig'])
    expect(await changed.locator('ins').allTextContents()).toEqual(['Tillagt av Samordnare Siv: Omskriven'])
    expect(await changed.textContent()).toContain('Tillagt av: Samordnare Siv')
    expect(await seriousViolations(editorPage)).toEqual([])

    // Restore the section, with a confirm step.
    await changed.getByRole('button', { name: `Återställ avsnittet ${section.title}` }).click()
    await changed.getByRole('button', { name: 'Ja, återställ' }).click()
    await expect.poll(() => editorOf(editorPage).textContent(), { timeout: 10_000 }).toBe('Ursprunglig text om målgruppen.')
    await expect.poll(() => editorOf(coordinatorPage).textContent(), { timeout: 10_000 }).toBe('Ursprunglig text om målgruppen.')
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Återställt: 1 avsnitt')
    // The restore left a restore point at the top of the list, and the diff now shows no change.
    await expect.poll(() => list.getByRole('button').first().textContent()).toContain('Före återställning')
    await expect.poll(() => panel.locator('.history-diff').textContent()).toContain('Inga skillnader')
    // Two versions compared: the restore point (newest, index 1 after the prompt) still holds the rewritten text.
    await panel.getByLabel('Jämför med en annan version').selectOption({ index: 1 })
    await expect.poll(() => panel.locator('.history-diff').textContent()).toMatch(/Ändringar från Första utkastet .* till Före återställning/)
    expect(await changed.locator('ins').allTextContents()).toEqual(['Tillagt av Samordnare Siv: Omskriven'])
    // Restore buttons belong to the comparison with the current text only.
    expect(await changed.getByRole('button', { name: `Återställ avsnittet ${section.title}` }).count()).toBe(0)

    // The coordinator names a version from the panel.
    await coordinatorPage.getByRole('button', { name: 'Historik', exact: true }).click()
    const coordinatorPanel = coordinatorPage.getByRole('region', { name: 'Historik', exact: true })
    await coordinatorPanel.getByLabel('Namn på ny version').fill('Efter återställning')
    await coordinatorPanel.getByRole('button', { name: 'Spara version' }).click()
    await expect.poll(() => coordinatorPanel.getByRole('list', { name: 'Versioner, nyast först' }).getByRole('button').first().textContent()).toContain('Efter återställning')
    expect(await seriousViolations(coordinatorPage)).toEqual([])

    // Escape closes the panel and gives focus back to its button.
    await coordinatorPanel.getByRole('button', { name: 'Stäng historik' }).focus()
    await coordinatorPage.keyboard.press('Escape')
    await expect.poll(() => coordinatorPanel.count()).toBe(0)
    await expect.poll(() => coordinatorPage.evaluate(() => document.activeElement?.textContent)).toBe('Historik')
  })

  it('lists versions a page at a time: "Visa äldre versioner" appends the older ones and focuses the first of them', async () => {
    const paged = await newFixture(server.url)
    // One more than a page (50): the oldest is on the second page.
    for (let i = 1; i <= 51; i++) {
      const saved = await call(server.url, 'POST', `/api/documents/${paged.documentId}/versions`, paged.coordinator.token, { name: `Utkast ${i}` })
      expect(saved.status).toBe(201)
    }
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, paged.coordinator.email)
    await openDocument(page, server.url, paged.documentId)
    await page.getByRole('button', { name: 'Historik', exact: true }).click()
    const panel = page.getByRole('region', { name: 'Historik', exact: true })
    const items = panel.getByRole('list', { name: 'Versioner, nyast först' }).getByRole('button')
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(50)
    expect(await items.first().textContent()).toContain('Utkast 51')
    expect(await panel.getByText('Utkast 1', { exact: true }).count()).toBe(0)

    const older = panel.getByRole('button', { name: 'Visa äldre versioner' })
    await older.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(51)
    await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('.history-list__name')?.textContent)).toBe('Utkast 1')
    expect(await older.count()).toBe(0)
    expect(await seriousViolations(page)).toEqual([])
  })
})
