import { describe, expect, it } from 'vitest'
import { call, newFixture } from '../utils/api.ts'
import { logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { browserSuite } from '../utils/browserSuite.ts'

const suite = browserSuite()

describe('a document the user cannot open', () => {
  it("says another workspace's document does not exist, with no editor and no reconnecting", async () => {
    const other = await newFixture(suite.server.url)
    const page = await (await suite.browser.newContext()).newPage()
    await logIn(page, suite.server.url, suite.fixture.coordinator.email)
    await page.goto(`${suite.server.url}/d/${other.documentId}`)
    await page.getByRole('heading', { name: 'Dokumentet finns inte', level: 1 }).waitFor({ timeout: 5_000 })
    expect(await page.getByTestId('connection-status').count()).toBe(0)
    expect(await page.getByRole('textbox').count()).toBe(0)
    expect(await page.getByRole('link', { name: 'Till startsidan' }).count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])
    await page.context().close()
  })

  it('turns into that page when the document is deleted while open', async () => {
    const own = await newFixture(suite.server.url)
    const page = await (await suite.browser.newContext()).newPage()
    await logIn(page, suite.server.url, own.coordinator.email)
    await openDocument(page, suite.server.url, own.documentId)
    expect((await call(suite.server.url, 'DELETE', `/api/documents/${own.documentId}`, own.coordinator.token)).status).toBe(200)
    await page.getByRole('heading', { name: 'Dokumentet finns inte', level: 1 }).waitFor({ timeout: 5_000 })
    expect(await page.getByTestId('connection-status').count()).toBe(0)
    await page.context().close()
  })
})
