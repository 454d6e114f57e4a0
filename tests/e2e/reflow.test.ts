import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { call, newFixture } from '../utils/api.ts'
import { logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { browserSuite } from '../utils/browserSuite.ts'
import { newClient } from '../utils/newClient.ts'

// WCAG 1.4.10 (reflow) and 2.4.11 (focus not obscured): at 400 CSS px, the width of a phone
// or of a 1280 px screen zoomed to 320 %, nothing but a wide table may scroll sideways.
const suite = browserSuite()
const narrow = { width: 400, height: 800 }
const wide = { width: 1280, height: 800 }

async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport })).newPage()
  await logIn(page, suite.server.url, suite.fixture.coordinator.email)
  return page
}

/** How far the page scrolls sideways, with the elements that stick out past the viewport (for the failure message). */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement
    const clipped = (element: Element) => {
      for (let at = element.parentElement; at && at !== document.body; at = at.parentElement) {
        if (getComputedStyle(at).overflowX !== 'visible') return true
      }
      return false
    }
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > clientWidth && !clipped(element)
    // The innermost elements that stick out: what makes the page wide.
    const overflowing = Array.from(document.querySelectorAll('body *'))
      .filter((element) => sticksOut(element) && !Array.from(element.children).some(sticksOut))
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} ${Math.round(element.getBoundingClientRect().width)}px`)
    return { overflow: scrollWidth - clientWidth, overflowing }
  })

/**
 * Boxes that cut their content off sideways (or scroll it) without being a named region the
 * keyboard can reach: `sidewaysScroll` does not see what such a box hides.
 */
const clippedSideways = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((element) => {
        // Form fields scroll their own text; a visually hidden text is 1 px on purpose.
        if (element.matches('input, textarea, select') || element.clientWidth <= 1) return false
        if (getComputedStyle(element).overflowX === 'visible' || element.scrollWidth <= element.clientWidth + 1) return false
        return !(element.getAttribute('role') === 'region' && element.tabIndex === 0)
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} ${element.scrollWidth}px in ${element.clientWidth}px`),
  )

/** Elements that reach past the right edge of the box they stand in (for the failure message). */
const widerThanParent = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => {
        // A `display: contents` wrapper has no box of its own: the one around it counts.
        let parent = element.parentElement!
        while (getComputedStyle(parent).display === 'contents') parent = parent.parentElement!
        return element.getBoundingClientRect().right > parent.getBoundingClientRect().right + 1
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} ${Math.round(element.getBoundingClientRect().width)}px`),
  )

describe('at 400 px wide', () => {
  it('no page scrolls sideways: the workspace list and page, an ESF+ document, a färdplan and the print view', async () => {
    const page = await signedIn(narrow)
    const plan = await newFixture(suite.server.url, 'fardplan')
    const pages: Array<[string, string, () => Promise<void>]> = [
      ['workspace list', '/', () => page.getByRole('heading', { level: 1, name: 'Arbetsytor' }).waitFor({ timeout: 10_000 })],
      [
        'workspace',
        `/w/${suite.fixture.workspaceId}`,
        () => page.getByRole('heading', { level: 1, name: 'Förbundet' }).waitFor({ timeout: 10_000 }),
      ],
      [
        'ESF+ document',
        `/d/${suite.fixture.documentId}`,
        () => page.getByRole('button', { name: 'Lägg till indikator' }).waitFor({ timeout: 10_000 }),
      ],
      [
        'färdplan',
        `/d/${plan.documentId}`,
        () => page.getByRole('heading', { name: 'Tids- och aktivitetsplan' }).first().waitFor({ timeout: 10_000 }),
      ],
      [
        'print view',
        `/d/${suite.fixture.documentId}/utskrift`,
        () => page.getByRole('heading', { level: 1, name: 'Ansökan' }).waitFor({ timeout: 10_000 }),
      ],
    ]
    for (const [name, path, loaded] of pages) {
      // The färdplan belongs to another workspace: its coordinator opens it.
      if (path.includes(plan.documentId)) {
        await page.context().clearCookies()
        await logIn(page, suite.server.url, plan.coordinator.email)
      }
      await page.goto(suite.server.url + path)
      await loaded()
      expect({ name, ...(await sidewaysScroll(page)) }).toEqual({ name, overflow: 0, overflowing: [] })
      if (path.includes(plan.documentId)) {
        await page.context().clearCookies()
        await logIn(page, suite.server.url, suite.fixture.coordinator.email)
      }
    }
    await page.context().close()
  })

  it('a wide table scrolls in its own named region that the keyboard can reach', async () => {
    const page = await signedIn(narrow)
    await openDocument(page, suite.server.url, suite.fixture.documentId)
    const table = page.getByRole('table', { name: 'Indikatorer' })
    await table.waitFor({ timeout: 10_000 })
    // The table's parent is where it scrolls: a region named by the table's caption, in the tab order.
    const region = await table.locator('xpath=..').evaluate((element) => ({
      role: element.getAttribute('role'),
      name: document.getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent,
      tabIndex: element.tabIndex,
      scrolls: element.scrollWidth > element.clientWidth,
    }))
    expect(region).toEqual({ role: 'region', name: 'Indikatorer', tabIndex: 0, scrolls: true })
    expect(await seriousViolations(page)).toEqual([])
    await page.context().close()
  })

  it("shows the budget's amounts and their sum without scrolling the table sideways", async () => {
    const page = await signedIn(narrow)
    await openDocument(page, suite.server.url, suite.fixture.documentId)
    const table = page.getByRole('table', { name: 'Kostnader' })
    await table.waitFor({ timeout: 10_000 })
    await page.getByRole('button', { name: 'Lägg till kostnadsrad' }).click()
    const amount = page.getByLabel('Belopp (kr), kostnadsrad 1', { exact: true })
    await amount.fill('1 234 567,89')
    await amount.blur()
    // The amount shows whole in its field, and the sum's number on one line.
    await expect.poll(() => amount.evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth), { timeout: 5_000 }).toBe(true)
    const sum = table.locator('tfoot td.fields-table__amount').first()
    await expect.poll(() => sum.textContent(), { timeout: 5_000 }).toContain('1 234 567,89')
    const lines = await sum.locator('.fields-table__sum').evaluate((number) => {
      const range = document.createRange()
      range.selectNodeContents(number)
      return new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size
    })
    expect(lines).toBe(1)
    const fits = await table.evaluate((element) => {
      const region = element.parentElement!.getBoundingClientRect()
      const inside = (box: DOMRect) => box.left >= region.left - 1 && box.right <= region.right + 1
      const cells = Array.from(element.querySelectorAll('tbody tr:first-child td, tfoot td'))
      return { scrolls: element.parentElement!.scrollWidth > element.parentElement!.clientWidth + 1, outside: cells.filter((cell) => !inside(cell.getBoundingClientRect())).length }
    })
    expect(fits).toEqual({ scrolls: false, outside: 0 })
    await page.context().close()
  })

  it('a button reached with Tab is not covered by the outline', async () => {
    const page = await signedIn(narrow)
    await openDocument(page, suite.server.url, suite.fixture.documentId)
    const add = page.getByRole('button', { name: 'Lägg till kostnadsrad' })
    await add.waitFor({ timeout: 10_000 })
    // Start from the element just before the button in tab order, without scrolling to it, so the Tab does the scrolling.
    await add.evaluate((button) => {
      const tabbable = Array.from(
        document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]'),
      ).filter((element) => element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled)
      tabbable[tabbable.indexOf(button as HTMLElement) - 1]!.focus({ preventScroll: true })
    })
    await page.keyboard.press('Tab')
    const seen = await add.evaluate((button) => {
      const box = button.getBoundingClientRect()
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      return { focused: document.activeElement === button, visible: top === button || button.contains(top) }
    })
    expect(seen).toEqual({ focused: true, visible: true })
    await page.context().close()
  })
})

describe('at 400 px wide, with long values', () => {
  it('the workspace’s document table fits, with someone working in each document', async () => {
    const fixture = await newFixture(suite.server.url, 'horisontell-analys')
    const other = await call(suite.server.url, 'POST', `/api/workspaces/${fixture.workspaceId}/documents`, fixture.coordinator.token, {
      template: 'esf-projektide',
      title: 'Projektidé om vägar till arbete för unga vuxna',
    })
    expect(other.status).toBe(201)
    // "Arbetar nu" lists whoever has the document open.
    const clients = await Promise.all([fixture.documentId, other.body.id as string].map((id) => newClient(suite.server.wsUrl, id, fixture.coordinator.token)))
    const page = await (await suite.browser.newContext({ viewport: narrow })).newPage()
    await logIn(page, suite.server.url, fixture.coordinator.email)
    await page.goto(`${suite.server.url}/w/${fixture.workspaceId}`)
    const table = page.getByRole('region', { name: 'Dokument', exact: true }).getByRole('table')
    await expect.poll(() => table.getByRole('cell', { name: 'Samordnare Siv' }).count(), { timeout: 10_000 }).toBe(2)
    expect(await widerThanParent(page, 'table')).toEqual([])
    expect(await sidewaysScroll(page)).toEqual({ overflow: 0, overflowing: [] })
    expect(await clippedSideways(page)).toEqual([])
    expect(await seriousViolations(page)).toEqual([])
    for (const client of clients) client.destroy()
    await page.context().close()
  })

  it('the print view’s project facts show their values whole', async () => {
    const fixture = await newFixture(suite.server.url, 'esf-projektide')
    const id = (key: string) => fixture.sections.find((section) => section.key === key)!.id
    const writer = await newClient(suite.server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const overview = writer.doc.getMap<Y.Map<unknown>>('fields').get(id('oversikt'))!
    overview.set('name', 'Vägen in – samverkan för unga vuxna i arbetsmarknadsregionen')
    overview.set('call', 'Utlysning: Stärkt samverkan för personer långt från arbetsmarknaden (ESF+ 2025)')
    overview.set('workplace', 'Samordningsförbundet Västra Götalandsregionens arbetsmarknadsenhet')
    overview.set('start', '2025-01-01')
    const page = await (await suite.browser.newContext({ viewport: narrow })).newPage()
    await logIn(page, suite.server.url, fixture.coordinator.email)
    await page.goto(`${suite.server.url}/d/${fixture.documentId}/utskrift`)
    const facts = page.locator('.print-facts dl')
    await expect.poll(() => facts.textContent(), { timeout: 10_000 }).toContain('Samordningsförbundet')
    expect(await widerThanParent(page, '.print-facts dl, .print-facts dt, .print-facts dd')).toEqual([])
    expect(await sidewaysScroll(page)).toEqual({ overflow: 0, overflowing: [] })
    expect(await clippedSideways(page)).toEqual([])
    writer.destroy()
    await page.context().close()
  })

  it('the history panel’s "Jämför med en annan version" fits the panel', async () => {
    const fixture = await newFixture(suite.server.url, 'esf-projektide')
    for (const name of ['Första utkastet till styrgruppen inför beslut i mars', 'Andra utkastet efter synpunkter från förbundets analytiker']) {
      const saved = await call(suite.server.url, 'POST', `/api/documents/${fixture.documentId}/versions`, fixture.coordinator.token, { name })
      expect(saved.status).toBe(201)
    }
    const page = await (await suite.browser.newContext({ viewport: narrow })).newPage()
    await logIn(page, suite.server.url, fixture.coordinator.email)
    await openDocument(page, suite.server.url, fixture.documentId)
    await page.getByRole('button', { name: 'Historik', exact: true }).click()
    const panel = page.getByRole('region', { name: 'Historik', exact: true })
    await panel.getByRole('list', { name: 'Versioner, nyast först' }).getByRole('button', { name: /Första utkastet/ }).click()
    const select = panel.getByLabel('Jämför med en annan version')
    await select.waitFor({ timeout: 10_000 })
    expect(await widerThanParent(page, '.history-compare, .history-compare *')).toEqual([])
    expect(await clippedSideways(page)).toEqual([])
    await page.context().close()
  })
})

describe('at 1280 px wide', () => {
  it('every outline item can be reached: the outline scrolls within itself', async () => {
    const page = await signedIn(wide)
    await openDocument(page, suite.server.url, suite.fixture.documentId)
    const outline = page.getByRole('navigation', { name: 'Innehåll' })
    const last = outline.getByRole('link').last()
    await last.waitFor({ timeout: 10_000 })
    expect(await outline.getByRole('listitem').count()).toBeGreaterThan(30)
    await last.focus()
    const seen = await last.evaluate((link) => {
      // A long title wraps: its first line is where the link surely is.
      const line = link.getClientRects()[0]!
      const top = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2)
      return { visible: top === link || link.contains(top), scrolledWithin: link.closest('nav')!.scrollTop > 0 }
    })
    expect(seen).toEqual({ visible: true, scrolledWithin: true })
    await page.context().close()
  })
})
