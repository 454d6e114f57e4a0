import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newFixture } from '../utils/api.ts'
import { logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { browserSuite } from '../utils/browserSuite.ts'

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
