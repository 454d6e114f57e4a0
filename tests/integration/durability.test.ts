import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture } from '../utils/api.ts'
import { newClient, typeParagraph } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
})
afterAll(() => server.stop())

describe('durability', () => {
  it('keeps every update a client has seen echoed through kill -9', async () => {
    const section = fixture.sections[1]!.id
    const writer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const reader = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    let i = 0
    const typing = setInterval(() => typeParagraph(writer.doc, section, `ord-${i++}`), 2)
    await waitFor(() => reader.text(section).includes('ord-200'), 'reader saw 200 edits', 10_000)
    await server.crashAndRestart()
    clearInterval(typing)
    // Everything the reader had received came from the server, so it was durable first.
    const seen = reader.text(section).match(/ord-\d+/g) ?? []
    writer.destroy()
    reader.destroy()
    const fresh = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const stored = new Set(fresh.text(section).match(/ord-\d+/g) ?? [])
    expect(seen.length).toBeGreaterThan(200)
    expect(seen.filter((word) => !stored.has(word))).toEqual([])
    fresh.destroy()
  })

  it('stops cleanly on SIGTERM while clients type, keeping what they were sent', async () => {
    const section = fixture.sections[2]!.id
    const writer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const reader = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    let i = 0
    const typing = setInterval(() => typeParagraph(writer.doc, section, `term-${i++}`), 2)
    await waitFor(() => reader.text(section).includes('term-100'), 'reader saw 100 edits', 10_000)
    const code = await server.terminateAndRestart()
    clearInterval(typing)
    const seen = reader.text(section).match(/term-\d+/g) ?? []
    writer.destroy()
    reader.destroy()
    expect(code).toBe(0)
    const fresh = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const stored = new Set(fresh.text(section).match(/term-\d+/g) ?? [])
    expect(seen.filter((word) => !stored.has(word))).toEqual([])
    fresh.destroy()
  })
})
