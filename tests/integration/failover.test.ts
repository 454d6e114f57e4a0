import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { freshDatabase, type FreshDatabase } from '../utils/freshDatabase.ts'
import { newClient, typeParagraph, type TestClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { privateRedis, type PrivateRedis } from '../utils/privateRedis.ts'
import { newTcpProxy, type TcpProxy } from '../utils/tcpProxy.ts'
import { waitFor } from '../utils/waitFor.ts'

const databaseUrl = process.env.DATABASE_URL

interface Typist {
  name: string
  client: TestClient
  typed: string[]
}

/** The labels typists wrote, as paragraphs in a client's copy of the section. */
function labels(client: TestClient, section: string): Set<string> {
  return new Set([...client.text(section).matchAll(/<paragraph>([ab][12]-\d+)<\/paragraph>/g)].map((match) => match[1] ?? ''))
}

// Two instances on one PostgreSQL database and one (private) Redis. Clients of A reach it
// through a test-side load balancer that, like nginx, passes to B once A refuses connections.
// A is killed with -9 while its clients type. Runs when DATABASE_URL is set.
describe.runIf(databaseUrl)('kill -9 of one instance while its clients edit', () => {
  let database: FreshDatabase
  let redis: PrivateRedis
  let a: TestServer | undefined
  let b: TestServer | undefined
  let balancer: TcpProxy
  let fixture: Fixture
  let editor: TestUser

  beforeAll(async () => {
    database = freshDatabase(databaseUrl as string, 'samskriv_failover')
    redis = await privateRedis()
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url }
    a = await newServer(env)
    b = await newServer(env)
    balancer = await newTcpProxy([a.port, b.port])
    fixture = await newFixture(a.url)
    editor = await fixture.addMember('editor', 'Edit Editorsson')
  }, 60_000)

  afterAll(async () => {
    await balancer?.close()
    await a?.stop()
    await b?.stop()
    await redis?.stop()
    database?.drop()
  })

  it("moves A's clients to B and keeps every edit any client saw, also after a restart", async () => {
    const section = fixture.sections[0]!.id
    const viaBalancer = `ws://127.0.0.1:${balancer.port}/collab`
    const typists: Typist[] = [
      { name: 'a1', client: await newClient(viaBalancer, fixture.documentId, fixture.coordinator.token), typed: [] },
      { name: 'a2', client: await newClient(viaBalancer, fixture.documentId, editor.token), typed: [] },
      { name: 'b1', client: await newClient(b!.wsUrl, fixture.documentId, editor.token), typed: [] },
      { name: 'b2', client: await newClient(b!.wsUrl, fixture.documentId, fixture.coordinator.token), typed: [] },
    ]
    const onA = typists.slice(0, 2)
    const clients = typists.map((typist) => typist.client)
    const echoed = new Set<string>()
    const typing = setInterval(() => {
      for (const typist of typists) {
        const label = `${typist.name}-${typist.typed.length}`
        typist.typed.push(label)
        typeParagraph(typist.client.doc, section, label)
      }
    }, 15)
    try {
      await waitFor(() => labels(typists[2]!.client, section).has('a1-20') && labels(typists[0]!.client, section).has('b1-20'), 'edits flow between the instances', 10_000)

      await a!.crash()
      // Echoed: an edit seen in some other client's copy at the moment A died.
      for (const typist of typists) {
        for (const label of labels(typist.client, section)) {
          if (!typist.typed.includes(label)) echoed.add(label)
        }
      }
      expect([...echoed].some((label) => label.startsWith('a'))).toBe(true)

      // A's clients keep typing; the provider reconnects through the balancer, which now picks B.
      const typedAfterKill = onA.map((typist) => `${typist.name}-${typist.typed.length + 5}`)
      await waitFor(() => typedAfterKill.every((label) => labels(typists[2]!.client, section).has(label)), "A's clients reach B and edit on", 20_000)
    } finally {
      clearInterval(typing)
    }

    const everything = typists.flatMap((typist) => typist.typed)
    // Echoed edits are a subset of everything typed: A's clients resend what A never confirmed.
    for (const label of echoed) expect(everything).toContain(label)
    await waitFor(
      () => clients.every((client) => client.text(section) === clients[0]!.text(section)) && everything.every((label) => labels(clients[0]!, section).has(label)),
      'all clients converge on every edit',
      20_000,
    )
    expect(labels(clients[0]!, section).size).toBe(everything.length)
    // A's clients only lost their socket (1006): none was refused or told to reload (e.g. 4409
    // for an update typed before its handshake with B completed).
    for (const typist of onA) expect(typist.client.closes.every((code) => code === 1006)).toBe(true)
    for (const typist of typists.slice(2)) expect(typist.client.closes).toEqual([])
    for (const client of clients) client.destroy()

    const onB = await newClient(b!.wsUrl, fixture.documentId, fixture.coordinator.token)
    for (const label of echoed) expect(labels(onB, section)).toContain(label)
    expect([...labels(onB, section)].sort()).toEqual([...everything].sort())
    onB.destroy()

    await b!.crashAndRestart()
    const afterRestart = await newClient(b!.wsUrl, fixture.documentId, fixture.coordinator.token)
    for (const label of echoed) expect(labels(afterRestart, section)).toContain(label)
    expect([...labels(afterRestart, section)].sort()).toEqual([...everything].sort())
    afterRestart.destroy()
  }, 90_000)
})
