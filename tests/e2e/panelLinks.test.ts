import type { Page } from 'playwright-core'
import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { browserSuite } from '../utils/browserSuite.ts'
import { addThread } from '../utils/commentThread.ts'
import { RawClient } from '../utils/rawClient.ts'

// An ESF+ projektidé: its comments and checks panels stand after all of its sections.
const suite = browserSuite('esf-projektide')

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement
    return `${element?.tagName} ${element?.textContent?.trim() ?? ''}`
  })

/** Presses Tab from where focus is until `name`'s link has it; the number of presses, or null. */
async function tabTo(page: Page, name: string, limit = 30): Promise<number | null> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab')
    const text = await page.evaluate(() => (document.activeElement?.tagName === 'A' ? document.activeElement.textContent : null))
    if (text === name) return presses
  }
  return null
}

describe('the outline links to the panels after the sections', () => {
  it('takes a keyboard user from the page heading to the comments and checks panels in a few presses, focus on each heading', async () => {
    const { fixture, server } = suite
    expect(fixture.sections.length).toBeGreaterThan(20)
    const analyst = await fixture.addMember('analyst', 'Anna Analytiker')
    const raw = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await raw.waitSynced()
    raw.edit((doc) => {
      addThread(doc, 'tråd-1', fixture.sections[0]!.id, null, 'första citatet', fixture.coordinator, 'Första frågan')
      addThread(doc, 'tråd-2', fixture.sections[1]!.id, null, 'andra citatet', fixture.coordinator, 'Andra frågan')
    })

    const page = await (await suite.browser.newContext()).newPage()
    await logIn(page, server.url, analyst.email)
    await openDocument(page, server.url, fixture.documentId)
    const outline = page.getByRole('navigation', { name: 'Innehåll' })
    const tools = outline.getByRole('list', { name: 'Verktyg' })
    await expect.poll(() => tools.getByRole('link').allTextContents(), { timeout: 10_000 }).toEqual([
      'Kommentarer (2 olösta)',
      'Kontroll av horisontella principer',
    ])
    // Every link has its panel's heading on the page.
    for (const href of await tools.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
      expect(await page.locator(`main h2${href}`).count()).toBe(1)
    }

    // Page load leaves focus on the document's title; the links come within a few Tab presses
    // (not after every section's fields, toolbar and text).
    await expect.poll(() => focused(page), { timeout: 3_000 }).toBe('H1 Ansökan')
    const presses = await tabTo(page, 'Kommentarer (2 olösta)')
    expect(presses).not.toBeNull()
    expect(presses!).toBeLessThanOrEqual(15)
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('H2 Kommentarer')
    const commentsHeading = page.getByRole('complementary', { name: 'Kommentarer' }).getByRole('heading', { name: 'Kommentarer' })
    expect(await commentsHeading.evaluate((element) => element === document.activeElement)).toBe(true)
    // …and scrolled to it, 14 000 pixels down the page.
    const top = await commentsHeading.evaluate((element) => element.getBoundingClientRect().top / window.innerHeight)
    expect(top).toBeGreaterThan(-0.01)
    expect(top).toBeLessThan(0.5)
    // The next Tab goes on inside the panel.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('aside')?.getAttribute('aria-labelledby'))).toBe('comments-panel-title')

    // The same from the link to the checks.
    await page.getByRole('heading', { level: 1 }).focus()
    expect(await tabTo(page, 'Kontroll av horisontella principer')).not.toBeNull()
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('H2 Kontroll av horisontella principer')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.classList.contains('checks-panel'))).toBe(true)
    expect(await seriousViolations(page)).toEqual([])

    // The count follows the threads: one resolved elsewhere, then the other.
    raw.edit((doc) => doc.getMap<Y.Map<unknown>>('comments').get('tråd-1')?.set('resolved', true))
    await expect.poll(() => tools.getByRole('link').first().textContent(), { timeout: 10_000 }).toBe('Kommentarer (1 olöst)')
    raw.edit((doc) => doc.getMap<Y.Map<unknown>>('comments').get('tråd-2')?.set('resolved', true))
    await expect.poll(() => tools.getByRole('link').first().textContent(), { timeout: 10_000 }).toBe('Kommentarer (inga olösta)')
    raw.close()
    await page.context().close()
  })
})
