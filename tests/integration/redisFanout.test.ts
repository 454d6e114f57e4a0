import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { newClient, typeParagraph } from '../utils/newClient.ts'
import { RawClient } from '../utils/rawClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

const databaseUrl = process.env.DATABASE_URL
const redisUrl = process.env.REDIS_URL

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
})
