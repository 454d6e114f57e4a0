import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, newFixture, type Fixture } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
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

describe('a document the user cannot open', () => {
  it("says another workspace's document does not exist, with no editor and no reconnecting", async () => {
    const other = await newFixture(server.url)
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, fixture.coordinator.email)
    await page.goto(`${server.url}/d/${other.documentId}`)
    await page.getByRole('heading', { name: 'Dokumentet finns inte', level: 1 }).waitFor({ timeout: 5_000 })
    expect(await page.getByTestId('connection-status').count()).toBe(0)
    expect(await page.getByRole('textbox').count()).toBe(0)
    expect(await page.getByRole('link', { name: 'Till startsidan' }).count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])
    await page.context().close()
  })

  it('turns into that page when the document is deleted while open', async () => {
    const own = await newFixture(server.url)
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, own.coordinator.email)
    await openDocument(page, server.url, own.documentId)
    expect((await call(server.url, 'DELETE', `/api/documents/${own.documentId}`, own.coordinator.token)).status).toBe(200)
    await page.getByRole('heading', { name: 'Dokumentet finns inte', level: 1 }).waitFor({ timeout: 5_000 })
    expect(await page.getByTestId('connection-status').count()).toBe(0)
    await page.context().close()
  })
})
