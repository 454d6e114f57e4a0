import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { freshDatabase, type FreshDatabase } from '../utils/freshDatabase.ts'
import { newClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { privateRedis, type PrivateRedis } from '../utils/privateRedis.ts'
import { newTcpProxy, type TcpProxy } from '../utils/tcpProxy.ts'

const databaseUrl = process.env.DATABASE_URL

// The notices a user sees while the server cannot save (PostgreSQL cut off through a TCP proxy,
// never the shared database) or cannot reach other instances (a private Redis killed).
// Runs when DATABASE_URL is set.
describe.runIf(databaseUrl)('the document page while the server cannot save or fan out', () => {
  let database: FreshDatabase
  let proxy: TcpProxy
  let redis: PrivateRedis
  let server: TestServer | undefined
  let browser: Browser | undefined
  let fixture: Fixture

  beforeAll(async () => {
    database = freshDatabase(databaseUrl as string, 'samskriv_status')
    const target = new URL(database.url)
    proxy = await newTcpProxy([Number(target.port || 5432)], target.hostname)
    const throughProxy = new URL(database.url)
    throughProxy.port = String(proxy.port)
    redis = await privateRedis()
    server = await newServer({ DATABASE_URL: throughProxy.toString(), REDIS_URL: redis.url })
    browser = await launchBrowser()
    fixture = await newFixture(server.url)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await proxy?.close()
    await redis?.stop()
    database?.drop()
  })

  it('says so in Swedish, keeps what the user types, and saves it once the database is back', async () => {
    const page = await (await browser!.newContext()).newPage()
    await logIn(page, server!.url, fixture.coordinator.email)
    await openDocument(page, server!.url, fixture.documentId)
    const section = fixture.sections[0]!
    const editor = page.getByLabel(section.title, { exact: true }).and(page.locator('[contenteditable]'))
    const notice = page.getByRole('status').filter({ hasText: 'Ändringar kan inte sparas just nu – servern försöker igen' })

    // Connected is not loaded: the room loads from the database after the socket opens.
    await editor.waitFor({ timeout: 15_000 })
    proxy.cut()
    await editor.click()
    await page.keyboard.type('Skrivet under avbrottet.')
    await notice.waitFor({ timeout: 15_000 })
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toContain('Ansluten')
    expect(await seriousViolations(page)).toEqual([])

    proxy.restore()
    await notice.waitFor({ state: 'detached', timeout: 20_000 })
    const reader = await newClient(server!.wsUrl, fixture.documentId, fixture.coordinator.token)
    await expect.poll(() => reader.text(section.id), { timeout: 10_000 }).toContain('Skrivet under avbrottet.')
    reader.destroy()
    await server!.crashAndRestart()
    const later = await newClient(server!.wsUrl, fixture.documentId, fixture.coordinator.token)
    expect(later.text(section.id)).toContain('Skrivet under avbrottet.')
    later.destroy()
  })

  it('says when others’ edits may not reach the user, until Redis is back', async () => {
    const page = await (await browser!.newContext()).newPage()
    await logIn(page, server!.url, fixture.coordinator.email)
    await openDocument(page, server!.url, fixture.documentId)
    const notice = page.getByRole('status').filter({ hasText: 'Andras ändringar når dig kanske inte just nu – servern återansluter' })

    await redis.kill()
    await notice.waitFor({ timeout: 15_000 })
    expect(await seriousViolations(page)).toEqual([])
    await redis.start()
    await notice.waitFor({ state: 'detached', timeout: 20_000 })
  })
})
