import { execFileSync } from 'node:child_process'
import { Redis } from 'ioredis'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { newClient, typeParagraph, type TestClient } from '../utils/newClient.ts'
import { freshDatabase, type FreshDatabase } from '../utils/freshDatabase.ts'
import { RawClient } from '../utils/rawClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { privateRedis, type PrivateRedis } from '../utils/privateRedis.ts'
import { newTcpProxy, type TcpProxy } from '../utils/tcpProxy.ts'
import { waitFor } from '../utils/waitFor.ts'

const databaseUrl = process.env.DATABASE_URL
const redisUrl = process.env.REDIS_URL

/** The server's presence state while it cannot reach the other instances, as a client sees it. */
function seesFanoutUnavailable(client: TestClient): boolean {
  return [...client.provider.awareness.getStates().values()].some(
    (state) => (state as { server?: { fanout?: string } }).server?.fanout === 'unavailable' && !('user' in state),
  )
}

function psql(url: string, sql: string): void {
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: ['ignore', 'ignore', 'pipe'] })
}

// Scale-out: two instances sharing one fresh PostgreSQL database fan out through Redis.
// Runs only when both are configured; configured but unreachable fails instead of skipping.
describe.runIf(databaseUrl && redisUrl)('two instances fan out through Redis', () => {
  const database = `samskriv_fanout_${randomBytes(6).toString('hex')}`
  let a: TestServer | undefined
  let b: TestServer | undefined
  let fixture: Fixture
  let editor: TestUser

  beforeAll(async () => {
    psql(databaseUrl as string, `CREATE DATABASE ${database}`)
    const url = new URL(databaseUrl as string)
    url.pathname = `/${database}`
    const env = { DATABASE_URL: url.toString(), REDIS_URL: redisUrl as string }
    a = await newServer(env)
    b = await newServer(env)
    fixture = await newFixture(a.url)
    editor = await fixture.addMember('editor', 'Edit Editorsson')
  }, 60_000)

  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    psql(databaseUrl as string, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
  })

  it('converges concurrent edits of clients on different instances and shares presence', async () => {
    const section = fixture.sections[0]!.id
    const one = await newClient(a!.wsUrl, fixture.documentId, fixture.coordinator.token)
    const two = await newClient(b!.wsUrl, fixture.documentId, editor.token)
    for (let i = 0; i < 20; i++) {
      typeParagraph(one.doc, section, `a${i}`)
      typeParagraph(two.doc, section, `b${i}`)
    }
    await waitFor(() => one.text(section) === two.text(section) && one.text(section).includes('a19') && one.text(section).includes('b19'), 'instances converge')
    expect(one.text(section).match(/<paragraph>/g)).toHaveLength(40)

    one.provider.awareness.setLocalStateField('cursor', { section })
    const seenByTwo = () => two.provider.awareness.getStates().get(one.doc.clientID) as { user?: { name?: string } } | undefined
    await waitFor(() => seenByTwo()?.user !== undefined, 'client on B sees presence of client on A')
    expect(seenByTwo()?.user?.name).toBe('Samordnare Siv')
    one.destroy()
    await waitFor(() => seenByTwo() === undefined, 'presence leaves with the client')
    two.destroy()
  })

  it("applies a lock set through A's API on B, where an editor's edit in the section is refused", async () => {
    const section = fixture.sections[1]!.id
    const onA = await newClient(a!.wsUrl, fixture.documentId, fixture.coordinator.token)
    const onB = await newClient(b!.wsUrl, fixture.documentId, fixture.coordinator.token)
    const lock = await call(a!.url, 'POST', `/api/documents/${fixture.documentId}/sections/${section}/lock`, fixture.coordinator.token, { reason: 'Granskning' })
    expect(lock.status).toBe(200)
    await waitFor(() => onB.doc.getMap('locks').has(section), 'lock reaches B')

    const raw = await RawClient.connect(b!.wsUrl, fixture.documentId, editor.token)
    await raw.waitSynced()
    raw.edit((doc) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('låst-text')])
      doc.getXmlFragment(`section:${section}`).push([paragraph])
    })
    expect(await raw.waitClosed()).toBe(4403)
    expect(onA.text(section)).not.toContain('låst-text')
    expect(onB.text(section)).not.toContain('låst-text')
    onA.destroy()
    onB.destroy()
  })

  it('closes sockets on B at a logout, a role change and a deletion made through A', async () => {
    const leaving = await fixture.addMember('editor', 'Loggar ut')
    const session = await RawClient.connect(b!.wsUrl, fixture.documentId, leaving.token)
    await session.waitSynced()
    await call(a!.url, 'POST', '/api/auth/logout', leaving.token)
    expect(await session.waitClosed()).toBe(4440)

    const demoted = await fixture.addMember('editor', 'Blir läsare')
    const before = await RawClient.connect(b!.wsUrl, fixture.documentId, demoted.token)
    await before.waitSynced()
    await call(a!.url, 'PATCH', `/api/workspaces/${fixture.workspaceId}/members/${demoted.id}`, fixture.coordinator.token, { role: 'viewer' })
    expect(await before.waitClosed()).toBe(4440)
    const after = await RawClient.connect(b!.wsUrl, fixture.documentId, demoted.token)
    await after.waitSynced()
    after.edit((doc) => doc.getXmlFragment(`section:${fixture.sections[0]!.id}`).push([new Y.XmlText('som läsare')]))
    expect(await after.waitClosed()).toBe(4403)

    const own = await newFixture(a!.url)
    const reader = await RawClient.connect(b!.wsUrl, own.documentId, own.coordinator.token)
    await reader.waitSynced()
    expect((await call(a!.url, 'DELETE', `/api/documents/${own.documentId}`, own.coordinator.token)).status).toBe(200)
    expect(await reader.waitClosed()).toBe(4404)
  })
})

// Redis crashes and comes back while clients on two instances edit. A private redis-server is
// used (never the shared one). Runs when DATABASE_URL is set.
describe.runIf(databaseUrl)('two instances through a Redis restart', () => {
  let database: FreshDatabase
  let redis: PrivateRedis
  let a: TestServer | undefined
  let b: TestServer | undefined
  let fixture: Fixture
  let editor: TestUser

  beforeAll(async () => {
    database = freshDatabase(databaseUrl as string, 'samskriv_redis_restart')
    redis = await privateRedis()
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url }
    a = await newServer(env)
    b = await newServer(env)
    fixture = await newFixture(a.url)
    editor = await fixture.addMember('editor', 'Edit Editorsson')
  }, 60_000)

  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    await redis?.stop()
    database?.drop()
  })

  it('loses no accepted edit and converges again without restart, also where nothing is edited afterwards', async () => {
    const section = fixture.sections[0]!.id
    const a1 = await newClient(a!.wsUrl, fixture.documentId, fixture.coordinator.token)
    const a2 = await newClient(a!.wsUrl, fixture.documentId, editor.token)
    const b1 = await newClient(b!.wsUrl, fixture.documentId, editor.token)
    const b2 = await newClient(b!.wsUrl, fixture.documentId, fixture.coordinator.token)
    const clients = [a1, a2, b1, b2]
    typeParagraph(a1.doc, section, 'a-före')
    typeParagraph(b1.doc, section, 'b-före')
    await waitFor(() => clients.every((client) => client.text(section).includes('a-före') && client.text(section).includes('b-före')), 'edits cross instances')

    await redis.kill()
    const typed: string[] = []
    for (let i = 0; i < 5; i++) {
      typeParagraph(a1.doc, section, `a-utan-redis-${i}`)
      typeParagraph(b1.doc, section, `b-utan-redis-${i}`)
      typed.push(`a-utan-redis-${i}`, `b-utan-redis-${i}`)
    }
    // Each instance accepts (stores and broadcasts) its own clients' edits while Redis is away…
    await waitFor(() => a2.text(section).includes('a-utan-redis-4') && b2.text(section).includes('b-utan-redis-4'), 'edits accepted by their own instance')
    // …but has no way to hear of the other instance's: the gap the catch-up must close.
    expect(b2.text(section)).not.toContain('a-utan-redis-0')
    expect(a2.text(section)).not.toContain('b-utan-redis-0')
    // Clients are told that others' edits may not reach them meanwhile.
    await waitFor(() => clients.every(seesFanoutUnavailable), 'clients are told the fan-out is down')

    // Nothing is edited after Redis returns: only the catch-up on reconnect can converge them.
    await redis.start()
    await waitFor(
      () => clients.every((client) => typed.every((text) => client.text(section).includes(text)) && client.text(section) === a1.text(section)),
      'all clients on both instances converge after Redis returns',
      20_000,
    )
    for (const client of clients) expect(client.closes).toEqual([])
    await waitFor(() => !clients.some(seesFanoutUnavailable), 'the notice goes away once the instances caught up')

    typeParagraph(b1.doc, section, 'b-efter')
    await waitFor(() => a2.text(section).includes('b-efter'), 'fan-out works again')
    for (const client of clients) client.destroy()

    const later = await newClient(a!.wsUrl, fixture.documentId, fixture.coordinator.token)
    for (const text of [...typed, 'a-före', 'b-före', 'b-efter']) expect(later.text(section)).toContain(text)
    later.destroy()
  }, 60_000)

  it('closes a socket on B whose role changed on A while Redis was down, once Redis is back', async () => {
    const demoted = await fixture.addMember('editor', 'Nedgraderad under avbrott')
    const onB = await RawClient.connect(b!.wsUrl, fixture.documentId, demoted.token)
    await onB.waitSynced()
    const unchanged = await RawClient.connect(b!.wsUrl, fixture.documentId, editor.token)
    await unchanged.waitSynced()
    await redis.kill()
    const patched = await call(a!.url, 'PATCH', `/api/workspaces/${fixture.workspaceId}/members/${demoted.id}`, fixture.coordinator.token, { role: 'viewer' })
    expect(patched.status).toBe(200)
    // The change's message went nowhere: B cannot know of it yet.
    expect(onB.closeCode).toBeUndefined()
    await redis.start()
    await waitFor(() => onB.closeCode !== undefined, 'B closes the socket once Redis is back', 20_000)
    expect(onB.closeCode).toBe(4440)
    // Only sockets whose session, role or document changed are closed.
    const probe = await RawClient.connect(b!.wsUrl, fixture.documentId, editor.token)
    await probe.waitSynced()
    expect(unchanged.closeCode).toBeUndefined()
    for (const client of [onB, unchanged, probe]) client.close()
  }, 60_000)
})

// One instance loses its path to Redis while the other keeps its own: the first's messages must
// still arrive once it is back. A private redis-server; runs when DATABASE_URL is set.
describe.runIf(databaseUrl)('an instance cut off from Redis, and messages that are not ours', () => {
  let database: FreshDatabase
  let redis: PrivateRedis
  let proxy: TcpProxy
  let a: TestServer | undefined
  let b: TestServer | undefined
  let fixture: Fixture

  beforeAll(async () => {
    database = freshDatabase(databaseUrl as string, 'samskriv_redis_partition')
    redis = await privateRedis()
    proxy = await newTcpProxy([Number(new URL(redis.url).port)])
    a = await newServer({ DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${proxy.port}` })
    b = await newServer({ DATABASE_URL: database.url, REDIS_URL: redis.url })
    fixture = await newFixture(a.url)
  }, 60_000)

  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    await proxy?.close()
    await redis?.stop()
    database?.drop()
  })

  it('closes a socket on B whose role changed on A while only A was cut off, once A is back', async () => {
    const demoted = await fixture.addMember('editor', 'Nedgraderad bakom avbrott')
    const onB = await RawClient.connect(b!.wsUrl, fixture.documentId, demoted.token)
    await onB.waitSynced()
    proxy.cut()
    const patched = await call(a!.url, 'PATCH', `/api/workspaces/${fixture.workspaceId}/members/${demoted.id}`, fixture.coordinator.token, { role: 'viewer' })
    expect(patched.status).toBe(200)
    expect(onB.closeCode).toBeUndefined()
    proxy.restore()
    await waitFor(() => onB.closeCode !== undefined, 'B closes the socket once A reaches Redis again', 20_000)
    expect(onB.closeCode).toBe(4440)
  }, 60_000)

  it('ignores what is not a message of ours on its channels, and goes on serving', async () => {
    const section = fixture.sections[0]!.id
    const one = await newClient(a!.wsUrl, fixture.documentId, fixture.coordinator.token)
    const two = await newClient(b!.wsUrl, fixture.documentId, fixture.coordinator.token)
    const publisher = new Redis(redis.url)
    try {
      for (const raw of ['null', '"text"', '[]', '{}', 'inte json', '{"instanceId":"x","change":null}']) {
        await publisher.publish('samskriv:live', raw)
        await publisher.publish(`samskriv:doc:${fixture.documentId}`, raw)
      }
    } finally {
      publisher.disconnect()
    }
    typeParagraph(one.doc, section, 'efter skräpet')
    await waitFor(() => two.text(section).includes('efter skräpet'), 'both instances still serve and fan out')
    expect(one.closes).toEqual([])
    expect(two.closes).toEqual([])
    one.destroy()
    two.destroy()
  })
})
