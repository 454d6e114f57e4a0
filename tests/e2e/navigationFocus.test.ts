import { describe, expect, it } from 'vitest'
import { logIn } from '../utils/browser.ts'
import { browserSuite } from '../utils/browserSuite.ts'

const suite = browserSuite()

describe('focus after moving between pages', () => {
  it("lands on the new page's heading, not on <body>, after following a link and after logging in", async () => {
    const page = await (await suite.browser.newContext()).newPage()
    await logIn(page, suite.server.url, suite.fixture.coordinator.email)
    const focused = () => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent ?? ''}`)
    await expect.poll(focused, { timeout: 3_000 }).toBe('H1 Arbetsytor')

    await page.getByRole('link', { name: 'Förbundet' }).press('Enter')
    await expect.poll(focused, { timeout: 3_000 }).toBe('H1 Förbundet')
    await page.context().close()
  })
})
