import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqlite, SqliteDocumentStore } from '@samskriv/storage'
import { newFixture, type Fixture } from '../utils/api.ts'
import { newClient, typeParagraph } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture

beforeAll(async () => {
  server = await newServer({ COMPACT_AFTER: '25', UNLOAD_AFTER_MS: '300' })
  fixture = await newFixture(server.url)
})
afterAll(() => server.stop())

describe('background compaction and unloading', () => {
  it('compacts the update log while edited and into one snapshot after the last client leaves', async () => {
    const db = openSqlite(join(server.dataDir, 'samskriv.sqlite'))
    const log = new SqliteDocumentStore(db)
    const section = fixture.sections[0]!.id
    const client = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    for (let i = 0; i < 60; i++) typeParagraph(client.doc, section, `rad-${i}`)
    const reader = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await waitFor(() => reader.text(section).includes('rad-59'), 'all edits stored and broadcast')
    expect(await log.countUpdates(fixture.documentId)).toBeLessThan(60)
    client.destroy()
    reader.destroy()
    await waitFor(async () => (await log.countUpdates(fixture.documentId)) === 1, 'compacted to one snapshot on unload')
    const again = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    expect(again.text(section).match(/rad-\d+/g)).toHaveLength(60)
    again.destroy()
    db.close()
  })
})
