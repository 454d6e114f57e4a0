import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, newFixture, type Fixture } from '../utils/api.ts'
import { freshDatabase, type FreshDatabase } from '../utils/freshDatabase.ts'
import { newClient, typeParagraph, type TestClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { newTcpProxy, type TcpProxy } from '../utils/tcpProxy.ts'
import { waitFor } from '../utils/waitFor.ts'

const databaseUrl = process.env.DATABASE_URL

/** The server's presence state while it cannot store, as a client sees it. */
function seesStorageUnavailable(client: TestClient): boolean {
  return [...client.provider.awareness.getStates().values()].some(
    (state) => (state as { server?: { storage?: string }; user?: unknown }).server?.storage === 'unavailable' && !('user' in state),
  )
}

// PostgreSQL goes away under a running instance (a TCP proxy between them is cut, never the
// shared database). Runs when DATABASE_URL is set; configured but unreachable fails.
describe.runIf(databaseUrl)('an instance whose PostgreSQL goes away', () => {
  let database: FreshDatabase
  let proxy: TcpProxy
  let server: TestServer | undefined
  let fixture: Fixture

  beforeAll(async () => {
    database = freshDatabase(databaseUrl as string, 'samskriv_outage')
    const target = new URL(database.url)
    proxy = await newTcpProxy([Number(target.port || 5432)], target.hostname)
    const throughProxy = new URL(database.url)
    throughProxy.port = String(proxy.port)
    server = await newServer({ DATABASE_URL: throughProxy.toString() })
    fixture = await newFixture(server.url)
  }, 60_000)

  afterAll(async () => {
    await server?.stop()
    await proxy?.close()
    database?.drop()
  })

  it('refuses writes it cannot store, tells clients and /api/ready, and stores them once the database returns', async () => {
    const section = fixture.sections[0]!.id
    const writer = await newClient(server!.wsUrl, fixture.documentId, fixture.coordinator.token)
    const reader = await newClient(server!.wsUrl, fixture.documentId, fixture.coordinator.token)
    typeParagraph(writer.doc, section, 'före avbrottet')
    await waitFor(() => reader.text(section).includes('före avbrottet'), 'edit before the outage reaches the reader')

    proxy.cut()
    typeParagraph(writer.doc, section, 'första under avbrottet')
    await waitFor(() => seesStorageUnavailable(writer) && seesStorageUnavailable(reader), 'clients are told that storage is unavailable', 10_000)
    // The server tried to store and failed: the edit was not broadcast as durable.
    expect(reader.text(section)).not.toContain('första under avbrottet')
    typeParagraph(writer.doc, section, 'andra under avbrottet')
    const ready = await call(server!.url, 'GET', '/api/ready')
    expect(ready.status).toBe(503)
    expect(ready.body.error.code).toBe('not_ready')
    // HTTP calls that need the database say so with a 503, not a 500.
    const list = await call(server!.url, 'GET', `/api/documents/${fixture.documentId}`, fixture.coordinator.token)
    expect(list.status).toBe(503)
    expect(list.body.error.code).toBe('storage_unavailable')
    // Clients stay connected through the outage.
    expect(writer.provider.wsconnected).toBe(true)
    expect(reader.provider.wsconnected).toBe(true)
    expect(reader.text(section)).not.toContain('under avbrottet')

    proxy.restore()
    await waitFor(
      () => reader.text(section).includes('första under avbrottet') && reader.text(section).includes('andra under avbrottet'),
      'both edits reach the reader once the database is back, without a server restart',
      20_000,
    )
    await waitFor(() => !seesStorageUnavailable(writer) && !seesStorageUnavailable(reader), 'the notice goes away')
    expect(writer.closes).toEqual([])
    expect(reader.text(section)).toBe(writer.text(section))
    expect((await call(server!.url, 'GET', '/api/ready')).status).toBe(200)
    typeParagraph(writer.doc, section, 'efter avbrottet')
    await waitFor(() => reader.text(section).includes('efter avbrottet'), 'editing goes on normally')
    writer.destroy()
    reader.destroy()

    await server!.crashAndRestart()
    const later = await newClient(server!.wsUrl, fixture.documentId, fixture.coordinator.token)
    for (const text of ['före avbrottet', 'första under avbrottet', 'andra under avbrottet', 'efter avbrottet']) {
      expect(later.text(section)).toContain(text)
    }
    later.destroy()
  }, 60_000)
})
