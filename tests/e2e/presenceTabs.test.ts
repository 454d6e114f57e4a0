import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument } from '../utils/browser.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture
let erik: TestUser

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url)
  erik = await fixture.addMember('editor', 'Erik Skribent')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** The names in "Här nu", one per entry. */
const presentNames = (page: Page) => page.getByTestId('presence-list').locator('li').allTextContents()

describe('"Här nu" with one document open in two tabs', () => {
  it('lists the person with two tabs once, in each of their tabs and for the other user', async () => {
    const siv = await (await browser.newContext()).newPage()
    await logIn(siv, server.url, fixture.coordinator.email)
    await openDocument(siv, server.url, fixture.documentId)

    // Two tabs of one browser: one session, one offline copy, two presence ids.
    const erikContext = await browser.newContext()
    const first = await erikContext.newPage()
    await logIn(first, server.url, erik.email)
    await openDocument(first, server.url, fixture.documentId)
    const second = await erikContext.newPage()
    await openDocument(second, server.url, fixture.documentId)
    // The section editors are mounted (each one's caret extension announces the user).
    for (const page of [first, second]) await page.getByRole('textbox').first().waitFor({ timeout: 10_000 })

    const expected = ['Erik Skribent', 'Samordnare Siv']
    for (const page of [first, second]) {
      await expect.poll(() => presentNames(page), { timeout: 10_000 }).toEqual(expected)
    }
    await expect.poll(() => presentNames(siv), { timeout: 10_000 }).toEqual(['Samordnare Siv', 'Erik Skribent'])

    // Still once after the first tab reloads (its new presence id comes after the second tab's).
    await first.reload()
    await openDocument(first, server.url, fixture.documentId)
    await first.getByRole('textbox').first().waitFor({ timeout: 10_000 })
    for (const page of [first, second]) {
      await expect.poll(() => presentNames(page), { timeout: 10_000 }).toEqual(expected)
    }
    await expect.poll(() => presentNames(siv), { timeout: 10_000 }).toEqual(['Samordnare Siv', 'Erik Skribent'])
    // And it stays so (a poll could pass in a moment between two announcements).
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    for (const page of [first, second]) expect(await presentNames(page)).toEqual(expected)
    await erikContext.close()
    await siv.context().close()
  })
})
