import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture } from '../utils/api.ts'
import { launchBrowser, logIn } from '../utils/browser.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url)
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('focus after moving between pages', () => {
  it("lands on the new page's heading, not on <body>, after following a link and after logging in", async () => {
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, fixture.coordinator.email)
    const focused = () => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent ?? ''}`)
    await expect.poll(focused, { timeout: 3_000 }).toBe('H1 Arbetsytor')

    await page.getByRole('link', { name: 'Förbundet' }).press('Enter')
    await expect.poll(focused, { timeout: 3_000 }).toBe('H1 Förbundet')
    await page.context().close()
  })
})
