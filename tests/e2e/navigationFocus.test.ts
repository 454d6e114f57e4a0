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

  it('keeps focus on the pressed button when the server refuses a login or a new account', async () => {
    const page = await (await suite.browser.newContext()).newPage()
    await page.goto(suite.server.url + '/')
    await page.getByLabel('E-post').fill(suite.fixture.coordinator.email)
    await page.getByLabel('Namn').fill('Dubbel')
    await page.getByLabel('Lösenord').fill('lösenord123')
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName)
    await page.getByRole('button', { name: 'Skapa konto' }).press('Enter')
    await page.getByRole('alert').filter({ hasText: 'Det finns redan ett konto' }).waitFor({ timeout: 5_000 })
    await expect.poll(focused, { timeout: 3_000 }).toBe('Skapa konto')

    await page.getByLabel('Lösenord').fill('fel-lösenord')
    await page.getByRole('button', { name: 'Logga in' }).press('Enter')
    await page.getByRole('alert').filter({ hasText: 'Fel e-postadress eller lösenord' }).waitFor({ timeout: 5_000 })
    await expect.poll(focused, { timeout: 3_000 }).toBe('Logga in')
    await page.context().close()
  })
})
