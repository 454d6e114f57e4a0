import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { freshDatabase, type FreshDatabase } from '../utils/freshDatabase.ts'
import { newClient, typeParagraph, type TestClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// VERSION_INTERVAL_MS also bounds the review window (at most one review version per document per
// min(interval, 1 min)), so a short interval keeps this test short.
const WINDOW_MS = 2_000

let server: TestServer
let fixture: Fixture
let editor: TestUser
let writer: TestUser
const clients: TestClient[] = []

beforeAll(async () => {
  server = await newServer({ VERSION_INTERVAL_MS: String(WINDOW_MS) })
  fixture = await newFixture(server.url)
  editor = await fixture.addMember('editor', 'Växlande Vera')
  writer = await fixture.addMember('editor', 'Skrivande Sara')
})
afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

async function connect(user: TestUser): Promise<TestClient> {
  const client = await newClient(server.wsUrl, fixture.documentId, user.token)
  clients.push(client)
  return client
}

type Version = { id: string; kind: string; name: string | null; createdBy: string | null; createdAt: string }
const versionsPath = (suffix = '') => `/api/documents/${fixture.documentId}/versions${suffix}`
const listVersions = async () => (await call(server.url, 'GET', versionsPath('?limit=500'), fixture.coordinator.token)).body.versions as Version[]
const reviews = async () => (await listVersions()).filter((v) => v.kind === 'review')
const statusOf = (client: TestClient, sectionId: string) => client.doc.getMap<Y.Map<unknown>>('sections').get(sectionId)?.get('status')

/** Sets every section's status in one update and waits until another client has it (the server stored it). */
async function setAll(client: TestClient, watcher: TestClient, status: string): Promise<void> {
  const sections = client.doc.getMap<Y.Map<unknown>>('sections')
  client.doc.transact(() => {
    for (const section of fixture.sections) sections.get(section.id)!.set('status', status)
  })
  await waitFor(() => fixture.sections.every((section) => statusOf(watcher, section.id) === status), `every status ${status} stored`)
}

const sectionText = async (versionId: string, sectionId: string) => {
  const content = await call(server.url, 'GET', versionsPath(`/${versionId}`), fixture.coordinator.token)
  const section = content.body.sections.find((s: { id: string }) => s.id === sectionId)
  return (section.blocks as Array<{ runs: Array<{ text: string }> }>).flatMap((block) => block.runs.map((run) => run.text)).join('\n')
}

describe('review versions', () => {
  it('makes one version for every section one update makes ready, paces flips, and still keeps a real writer’s text for review', async () => {
    expect(fixture.sections.length).toBeGreaterThan(10)
    const flipper = await connect(editor)
    const watcher = await connect(fixture.coordinator)
    const started = Date.now()
    await setAll(flipper, watcher, 'klar-for-granskning')
    await waitFor(async () => (await reviews()).length > 0, 'a review version')
    // One version for the whole update, not one full snapshot per section (33 before).
    const [first] = await reviews()
    expect(await reviews()).toHaveLength(1)
    expect(first).toMatchObject({ createdBy: editor.id, name: `${fixture.sections[0]!.title}, ${fixture.sections[1]!.title} +${fixture.sections.length - 2}` })

    // Flipping back and forth stores nothing more within the window.
    for (let flip = 0; flip < 3; flip++) {
      await setAll(flipper, watcher, 'utkast')
      await setAll(flipper, watcher, 'klar-for-granskning')
    }
    await setAll(flipper, watcher, 'utkast')
    const section = fixture.sections[4]!
    const own = await connect(writer)
    typeParagraph(own.doc, section.id, 'Vår text, klar att granska.')
    own.doc.getMap<Y.Map<unknown>>('sections').get(section.id)!.set('status', 'klar-for-granskning')
    await waitFor(() => statusOf(watcher, section.id) === 'klar-for-granskning', 'the writer’s status stored')

    // Her "ready" yields a version holding her text, at the latest when the window ends.
    let hers: Version | undefined
    await waitFor(async () => {
      hers = (await reviews()).find((v) => v.createdBy === writer.id)
      return hers !== undefined
    }, 'a review version by the writer', 4 * WINDOW_MS)
    expect(await sectionText(hers!.id, section.id)).toContain('Vår text, klar att granska.')
    const elapsed = Date.now() - started
    // At most one per window (plus the first), however many sections and flips.
    expect((await reviews()).length).toBeLessThanOrEqual(2 + Math.floor(elapsed / WINDOW_MS))

    // A restore right after it: the review version holds the state just before, so it is the restore point.
    const before = await listVersions()
    expect(before[0]!.id).toBe(hers!.id)
    const restored = await call(server.url, 'POST', versionsPath(`/${first!.id}/restore`), writer.token, { sectionId: section.id })
    expect(restored.status).toBe(200)
    expect(restored.body.restorePoint).toMatchObject({ id: hers!.id, kind: 'review', createdByName: 'Skrivande Sara' })
    await waitFor(() => !own.text(section.id).includes('Vår text'), 'the restore reaches the writer')
    expect((await listVersions()).map((v) => v.id)).toEqual(before.map((v) => v.id))
  })
})

const databaseUrl = process.env.DATABASE_URL
/** Each test's own store: SQLite, and a fresh PostgreSQL database when DATABASE_URL is set. */
const stores: Array<[string, () => Record<string, string>]> = [['SQLite', () => ({})]]
const databases: FreshDatabase[] = []
if (databaseUrl) stores.push(['PostgreSQL', () => ({ DATABASE_URL: databases[databases.push(freshDatabase(databaseUrl, 'samskriv_review')) - 1]!.url })])

describe.each(stores)('review versions across a crash or a stop (%s)', (_store, storeEnv) => {
  // A window long enough that the crash surely comes while it is closed.
  const LONG_WINDOW_MS = 10_000
  const started: TestServer[] = []
  afterAll(async () => {
    for (const instance of started) await instance.stop()
    for (const database of databases.splice(0)) database.drop()
  })

  it('makes the review version of a section made ready while the window was closed after the server is killed', async () => {
    const instance = await newServer({ VERSION_INTERVAL_MS: String(LONG_WINDOW_MS), ...storeEnv() })
    started.push(instance)
    const document = await newFixture(instance.url)
    const author = await document.addMember('editor', 'Skrivande Sara')
    const reviewsOf = async () =>
      ((await call(instance.url, 'GET', `/api/documents/${document.documentId}/versions?limit=500`, document.coordinator.token)).body.versions as Version[]).filter((v) => v.kind === 'review')
    const [first, second] = [document.sections[0]!, document.sections[1]!]
    let firstReview = ''
    const own = await newClient(instance.wsUrl, document.documentId, author.token)
    const watcher = await newClient(instance.wsUrl, document.documentId, document.coordinator.token)
    try {
      own.doc.getMap<Y.Map<unknown>>('sections').get(first.id)!.set('status', 'klar-for-granskning')
      await waitFor(async () => (await reviewsOf()).length === 1, 'the first review version')
      firstReview = (await reviewsOf())[0]!.id
      // Within the window: her "ready" waits for its end.
      typeParagraph(own.doc, second.id, 'Färdig för granskning före kraschen.')
      own.doc.getMap<Y.Map<unknown>>('sections').get(second.id)!.set('status', 'klar-for-granskning')
      await waitFor(() => statusOf(watcher, second.id) === 'klar-for-granskning', 'her status stored')
      // A later update stored means the room finished with hers (its hooks run in the room's queue first).
      typeParagraph(own.doc, document.sections[2]!.id, 'Senare.')
      await waitFor(() => watcher.text(document.sections[2]!.id).includes('Senare.'), 'a later update stored')
      expect(await reviewsOf()).toHaveLength(1)
    } finally {
      own.destroy()
      watcher.destroy()
    }

    await instance.crashAndRestart()
    // The document is opened again after the restart (someone comes back to it).
    const back = await newClient(instance.wsUrl, document.documentId, document.coordinator.token)
    try {
      let made: Version | undefined
      await waitFor(async () => {
        made = (await reviewsOf()).find((v) => v.id !== firstReview)
        return made !== undefined
      }, 'her review version after the restart', 2 * LONG_WINDOW_MS)
      expect(made).toMatchObject({ name: second.title, createdBy: author.id })
      const content = await call(instance.url, 'GET', `/api/documents/${document.documentId}/versions/${made!.id}`, document.coordinator.token)
      const section = content.body.sections.find((s: { id: string }) => s.id === second.id)
      expect(section.status).toBe('klar-for-granskning')
      expect(JSON.stringify(section.blocks)).toContain('Färdig för granskning före kraschen.')
      expect(await reviewsOf()).toHaveLength(2)
    } finally {
      back.destroy()
    }
  })

  it('stores the review waiting for its window before a graceful stop closes the stores', async () => {
    const instance = await newServer({ VERSION_INTERVAL_MS: String(LONG_WINDOW_MS), ...storeEnv() })
    started.push(instance)
    const document = await newFixture(instance.url)
    const reviewsOf = async () =>
      ((await call(instance.url, 'GET', `/api/documents/${document.documentId}/versions?limit=500`, document.coordinator.token)).body.versions as Version[]).filter((v) => v.kind === 'review')
    const own = await newClient(instance.wsUrl, document.documentId, document.coordinator.token)
    const watcher = await newClient(instance.wsUrl, document.documentId, document.coordinator.token)
    try {
      own.doc.getMap<Y.Map<unknown>>('sections').get(document.sections[0]!.id)!.set('status', 'klar-for-granskning')
      await waitFor(async () => (await reviewsOf()).length === 1, 'the first review version')
      own.doc.getMap<Y.Map<unknown>>('sections').get(document.sections[1]!.id)!.set('status', 'klar-for-granskning')
      await waitFor(() => statusOf(watcher, document.sections[1]!.id) === 'klar-for-granskning', 'the second status stored')
      // Stopped with the document open (the shutdown unloads it); nobody reconnects to the restarted server.
      for (const client of [own, watcher]) client.provider.shouldConnect = false
      expect(await instance.terminateAndRestart()).toBe(0)
    } finally {
      own.destroy()
      watcher.destroy()
    }
    // Nobody opens the document again: the version was made on the way down.
    expect((await reviewsOf()).map((v) => v.name)).toEqual([document.sections[1]!.title, document.sections[0]!.title])
  })
})
