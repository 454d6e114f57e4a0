import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { call, newFixture, registerUser, type Fixture, type TestUser } from '../utils/api.ts'
import { newClient, typeParagraph, type TestClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture
let editor: TestUser
let viewer: TestUser
const clients: TestClient[] = []

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
  editor = await fixture.addMember('editor', 'Edit Editorsson')
  viewer = await fixture.addMember('viewer', 'Vera Viewer')
})
afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

async function connect(user: TestUser, documentId = fixture.documentId): Promise<TestClient> {
  const client = await newClient(server.wsUrl, documentId, user.token)
  clients.push(client)
  return client
}

const versionsPath = (suffix = '') => `/api/documents/${fixture.documentId}/versions${suffix}`
const listVersions = async (token = fixture.coordinator.token) => (await call(server.url, 'GET', versionsPath(), token)).body.versions as Array<Record<string, any>>

/** Replaces a section's text with one paragraph, as an editor retyping it would. */
function retype(doc: Y.Doc, sectionId: string, text: string): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(`section:${sectionId}`)
    fragment.delete(0, fragment.length)
    typeParagraph(doc, sectionId, text)
  })
}

const plain = (client: TestClient, sectionId: string) => client.text(sectionId).replace(/<[^>]+>/g, '')

describe('versions', () => {
  it('saves a named version, diffs it against a later one, restores a section on every client and keeps it after a restart', async () => {
    const [first, second] = [fixture.sections[0]!, fixture.sections[1]!]
    const writer = await connect(fixture.coordinator)
    const watcher = await connect(editor)
    writer.doc.transact(() => {
      typeParagraph(writer.doc, first.id, 'Vi vill stärka samverkan i regionen.')
      typeParagraph(writer.doc, second.id, 'Målet är fler i arbete.')
    })
    // The watcher receives the edit only after the server stored it.
    await waitFor(() => plain(watcher, second.id).includes('fler i arbete'), 'watcher has the first text')

    const named = await call(server.url, 'POST', versionsPath(), fixture.coordinator.token, { name: 'Inför styrelsen' })
    expect(named.status).toBe(201)
    expect(named.body).toMatchObject({ kind: 'named', name: 'Inför styrelsen', createdBy: fixture.coordinator.id, createdByName: 'Samordnare Siv' })

    retype(watcher.doc, first.id, 'Vi vill utveckla samverkan i hela regionen.')
    await waitFor(() => plain(writer, first.id).includes('utveckla'), 'writer has the edit')
    const later = await call(server.url, 'POST', versionsPath(), fixture.coordinator.token, { name: 'Efter skrivmötet' })
    expect(later.status).toBe(201)

    const list = await listVersions(viewer.token)
    expect(list.map((v) => v.name)).toEqual(['Efter skrivmötet', 'Inför styrelsen'])

    // Read-only content of the older version.
    const content = await call(server.url, 'GET', versionsPath(`/${named.body.id}`), viewer.token)
    expect(content.status).toBe(200)
    const firstContent = content.body.sections.find((s: { id: string }) => s.id === first.id)
    expect(firstContent).toMatchObject({ title: first.title, blocks: [{ type: 'paragraph', runs: [{ text: 'Vi vill stärka samverkan i regionen.' }] }] })

    // Either order of the two versions diffs older → newer.
    for (const [base, against] of [
      [named.body.id, later.body.id],
      [later.body.id, named.body.id],
    ]) {
      const diff = await call(server.url, 'GET', versionsPath(`/${base}/diff?against=${against}`), viewer.token)
      expect(diff.status).toBe(200)
      expect(diff.body.from.id).toBe(named.body.id)
      expect(diff.body.to.id).toBe(later.body.id)
      const changed = diff.body.sections.find((s: { id: string }) => s.id === first.id)
      expect(changed.change).toBe('changed')
      const ops = changed.ops as Array<{ type: string; text: string; authors?: string[] }>
      expect(ops.filter((op) => op.type === 'delete').map((op) => op.text.trim())).toEqual(['stärka'])
      expect(ops.filter((op) => op.type === 'insert').map((op) => op.text.trim())).toEqual(['utveckla', 'hela'])
      expect(ops.filter((op) => op.type !== 'delete').map((op) => op.text).join('')).toBe('Vi vill utveckla samverkan i hela regionen.')
      expect(diff.body.sections.find((s: { id: string }) => s.id === second.id)).toMatchObject({ change: 'unchanged' })
      // The editor's client wrote the new words; the coordinator saved the later version.
      expect(ops.filter((op) => op.type === 'insert').map((op) => op.authors)).toEqual([['Edit Editorsson'], ['Edit Editorsson']])
      expect(changed.authors).toEqual(['Edit Editorsson'])
      expect(diff.body.editors).toEqual(['Edit Editorsson', 'Samordnare Siv'])
    }
    const againstCurrent = await call(server.url, 'GET', versionsPath(`/${named.body.id}/diff?against=current`), viewer.token)
    expect(againstCurrent.body.to.id).toBe('current')
    expect(againstCurrent.body.sections.find((s: { id: string }) => s.id === first.id).change).toBe('changed')

    // The editor restores the first section: a new change that reaches every connected client.
    watcher.doc.transact(() => typeParagraph(watcher.doc, second.id, 'Andra stycket står kvar.'))
    await waitFor(() => plain(writer, second.id).includes('står kvar'), 'writer has the second edit')
    const restored = await call(server.url, 'POST', versionsPath(`/${named.body.id}/restore`), editor.token, { sectionId: first.id })
    expect(restored.status).toBe(200)
    expect(restored.body.restored).toEqual([first.id])
    expect(restored.body.restorePoint).toMatchObject({ kind: 'restore-point', createdBy: editor.id })
    for (const client of [writer, watcher]) {
      await waitFor(() => plain(client, first.id) === 'Vi vill stärka samverkan i regionen.', 'client has the restored text')
      expect(plain(client, second.id)).toBe('Målet är fler i arbete.Andra stycket står kvar.')
    }
    // The restore point holds the text from before the restore, so the restore can be undone.
    const point = await call(server.url, 'GET', versionsPath(`/${restored.body.restorePoint.id}`), viewer.token)
    expect(point.body.sections.find((s: { id: string }) => s.id === first.id).blocks[0].runs[0].text).toBe('Vi vill utveckla samverkan i hela regionen.')
    expect((await listVersions())[0]).toMatchObject({ id: restored.body.restorePoint.id, createdByName: 'Edit Editorsson' })
    const audit = await call(server.url, 'GET', `/api/documents/${fixture.documentId}/audit`, fixture.coordinator.token)
    expect(audit.body.entries[0]).toMatchObject({ action: 'version.restore', actorId: editor.id, details: { versionId: named.body.id, sectionIds: [first.id] } })

    // Restoring again changes nothing and makes no new restore point.
    const again = await call(server.url, 'POST', versionsPath(`/${named.body.id}/restore`), editor.token, { sectionId: first.id })
    expect(again.body).toEqual({ restored: [], restorePoint: null })

    await server.crashAndRestart()
    const fresh = await connect(viewer)
    expect(plain(fresh, first.id)).toBe('Vi vill stärka samverkan i regionen.')
    expect((await listVersions()).map((v) => v.kind)).toEqual(['restore-point', 'named', 'named'])
  })

  it('lets only a coordinator name versions and restore locked sections; viewers cannot restore', async () => {
    const section = fixture.sections[2]!
    const client = await connect(editor)
    const observer = await connect(viewer)
    retype(client.doc, section.id, 'Texten före låsningen.')
    await waitFor(() => plain(observer, section.id) === 'Texten före låsningen.', 'server has the first text')
    const version = await call(server.url, 'POST', versionsPath(), fixture.coordinator.token, { name: 'Utgångsläge' })
    retype(client.doc, section.id, 'Texten när avsnittet låstes.')
    await waitFor(() => plain(observer, section.id) === 'Texten när avsnittet låstes.', 'server has the second text')

    const byEditor = await call(server.url, 'POST', versionsPath(), editor.token, { name: 'Min version' })
    expect(byEditor.status).toBe(403)
    expect(byEditor.body.error.message).toMatch(/samordnare/)
    expect((await call(server.url, 'POST', versionsPath(`/${version.body.id}/restore`), viewer.token, {})).status).toBe(403)

    // Locking makes a version of the text as it was locked.
    const locked = await call(server.url, 'POST', `/api/documents/${fixture.documentId}/sections/${section.id}/lock`, fixture.coordinator.token, { reason: 'Granskning' })
    expect(locked.status).toBe(200)
    const lockVersion = (await listVersions())[0]!
    expect(lockVersion).toMatchObject({ kind: 'lock', name: section.title, createdBy: fixture.coordinator.id })
    const lockContent = await call(server.url, 'GET', versionsPath(`/${lockVersion.id}`), viewer.token)
    expect(lockContent.body.sections.find((s: { id: string }) => s.id === section.id).blocks[0].runs[0].text).toBe('Texten när avsnittet låstes.')

    const whole = await call(server.url, 'POST', versionsPath(`/${version.body.id}/restore`), editor.token, {})
    expect(whole.status).toBe(403)
    expect(whole.body.error.message).toContain('låst')
    const one = await call(server.url, 'POST', versionsPath(`/${version.body.id}/restore`), editor.token, { sectionId: section.id })
    expect(one.status).toBe(403)
    expect(plain(client, section.id)).toBe('Texten när avsnittet låstes.')

    const byCoordinator = await call(server.url, 'POST', versionsPath(`/${version.body.id}/restore`), fixture.coordinator.token, { sectionId: section.id })
    expect(byCoordinator.status).toBe(200)
    await waitFor(() => plain(client, section.id) === 'Texten före låsningen.', 'the editor sees the coordinator’s restore')
  })

  it('makes a version when a section becomes ready for review, credited to the writer', async () => {
    const section = fixture.sections[3]!
    const client = await connect(editor)
    client.doc.getMap<Y.Map<unknown>>('sections').get(section.id)!.set('status', 'klar-for-granskning')
    await waitFor(async () => (await listVersions()).some((v) => v.kind === 'review'), 'a review version')
    expect((await listVersions())[0]).toMatchObject({ kind: 'review', name: section.title, createdBy: editor.id, createdByName: 'Edit Editorsson' })
    // Later edits make no second review version.
    const observer = await connect(viewer)
    const count = (await listVersions()).length
    typeParagraph(client.doc, fixture.sections[4]!.id, 'Mer text.')
    await waitFor(() => plain(observer, fixture.sections[4]!.id).includes('Mer text.'), 'server has the text')
    expect((await listVersions()).length).toBe(count)
  })

  it('restores every section of the document at once', async () => {
    const [a, b] = [fixture.sections[5]!, fixture.sections[6]!]
    const client = await connect(fixture.coordinator)
    const observer = await connect(viewer)
    client.doc.transact(() => {
      retype(client.doc, a.id, 'Första avsnittet då.')
      retype(client.doc, b.id, 'Andra avsnittet då.')
    })
    await waitFor(() => plain(observer, b.id) === 'Andra avsnittet då.', 'server has the texts')
    const version = await call(server.url, 'POST', versionsPath(), fixture.coordinator.token, { name: 'Helheten' })
    client.doc.transact(() => {
      retype(client.doc, a.id, 'Första avsnittet nu.')
      retype(client.doc, b.id, 'Andra avsnittet nu.')
    })
    await waitFor(() => plain(observer, b.id) === 'Andra avsnittet nu.', 'server has the new texts')
    const restored = await call(server.url, 'POST', versionsPath(`/${version.body.id}/restore`), editor.token, {})
    expect(restored.status).toBe(200)
    expect([...restored.body.restored].sort()).toEqual([a.id, b.id].sort())
    await waitFor(() => plain(observer, a.id) === 'Första avsnittet då.' && plain(observer, b.id) === 'Andra avsnittet då.', 'both sections restored')
  })

  it('never lets a restore write into a section that a lock queued at the same time has locked', async () => {
    const section = fixture.sections[7]!
    const client = await connect(editor)
    const observer = await connect(viewer)
    retype(client.doc, section.id, 'Gammal lydelse.')
    await waitFor(() => plain(observer, section.id) === 'Gammal lydelse.', 'server has the old text')
    const version = await call(server.url, 'POST', versionsPath(), fixture.coordinator.token, { name: 'Före kapplöpningen' })
    retype(client.doc, section.id, 'Ny lydelse.')
    await waitFor(() => plain(observer, section.id) === 'Ny lydelse.', 'server has the new text')

    // Both requests reach the room at once; whichever runs first, the other sees its result.
    const [locked, restored] = await Promise.all([
      call(server.url, 'POST', `/api/documents/${fixture.documentId}/sections/${section.id}/lock`, fixture.coordinator.token, { reason: 'Granskning' }),
      call(server.url, 'POST', versionsPath(`/${version.body.id}/restore`), editor.token, { sectionId: section.id }),
    ])
    expect(locked.status).toBe(200)
    const lockVersion = (await listVersions()).find((v) => v.kind === 'lock' && v.name === section.title)!
    const lockedText = (await call(server.url, 'GET', versionsPath(`/${lockVersion.id}`), viewer.token)).body.sections.find((s: { id: string }) => s.id === section.id).blocks[0].runs[0].text
    if (restored.status === 200) {
      // The restore ran first: the lock (and its version) came after it.
      expect(lockedText).toBe('Gammal lydelse.')
    } else {
      expect(restored.status).toBe(403)
      expect(lockedText).toBe('Ny lydelse.')
    }
    await waitFor(() => plain(observer, section.id) === lockedText, 'the text is what was locked')
    await call(server.url, 'DELETE', `/api/documents/${fixture.documentId}/sections/${section.id}/lock`, fixture.coordinator.token)
  })

  it('lists versions a page at a time, newest first', async () => {
    const own = await newFixture(server.url)
    const path = `/api/documents/${own.documentId}/versions`
    for (const name of ['Ett', 'Två', 'Tre']) {
      expect((await call(server.url, 'POST', path, own.coordinator.token, { name })).status).toBe(201)
    }
    const first = await call(server.url, 'GET', `${path}?limit=2`, own.coordinator.token)
    expect(first.body.versions.map((v: { name: string }) => v.name)).toEqual(['Tre', 'Två'])
    expect(first.body.nextBefore).toBe(first.body.versions[1].createdAt)
    const second = await call(server.url, 'GET', `${path}?limit=2&before=${encodeURIComponent(first.body.nextBefore)}`, own.coordinator.token)
    expect(second.body).toMatchObject({ versions: [{ name: 'Ett' }], nextBefore: null })
    expect((await call(server.url, 'GET', path, own.coordinator.token)).body.versions).toHaveLength(3)
    for (const query of ['limit=0', 'limit=501', 'limit=två', 'before=igår']) {
      const response = await call(server.url, 'GET', `${path}?${query}`, own.coordinator.token)
      expect(response.status).toBe(400)
      expect(response.body.error.code).toBe('invalid_query')
    }
  })

  it('answers bad input with clear 4xx errors and hides other documents', async () => {
    for (const name of ['', ' ', 'x'.repeat(121)]) {
      const response = await call(server.url, 'POST', versionsPath(), fixture.coordinator.token, { name })
      expect(response.status).toBe(400)
    }
    expect((await call(server.url, 'POST', versionsPath(), fixture.coordinator.token, 'inte json')).status).toBe(400)
    expect((await call(server.url, 'GET', versionsPath('/okand'), viewer.token)).status).toBe(404)
    const [version] = await listVersions()
    expect((await call(server.url, 'GET', versionsPath(`/${version!.id}/diff?against=okand`), viewer.token)).status).toBe(404)
    expect((await call(server.url, 'POST', versionsPath(`/${version!.id}/restore`), editor.token, { sectionId: 'okand' })).status).toBe(404)
    const stranger = await registerUser(server.url, 'Främling')
    expect((await call(server.url, 'GET', versionsPath(), stranger.token)).status).toBe(404)
    expect((await call(server.url, 'GET', versionsPath(`/${version!.id}`), stranger.token)).status).toBe(404)
  })
})

describe('periodic versions', () => {
  let busy: TestServer
  beforeAll(async () => {
    busy = await newServer({ VERSION_INTERVAL_MS: '300' })
  })
  afterAll(() => busy.stop())

  it('takes at most one version per interval while the document is edited, credited to the last writer', async () => {
    const own = await newFixture(busy.url)
    const writer = await registerUser(busy.url, 'Skrivande Sara')
    const added = await call(busy.url, 'POST', `/api/workspaces/${own.workspaceId}/members`, own.coordinator.token, { email: writer.email, role: 'editor' })
    expect(added.status).toBe(201)
    const client = await newClient(busy.wsUrl, own.documentId, writer.token)
    const list = async () => (await call(busy.url, 'GET', `/api/documents/${own.documentId}/versions`, own.coordinator.token)).body.versions as Array<Record<string, any>>
    const started = Date.now()
    let n = 0
    await waitFor(async () => {
      typeParagraph(client.doc, own.sections[0]!.id, `Rad ${++n}`)
      return (await list()).length >= 2
    }, 'two periodic versions', 10_000)
    const elapsed = Date.now() - started
    client.destroy()
    const versions = await list()
    expect(versions.every((v) => v.kind === 'periodic' && v.createdBy === writer.id)).toBe(true)
    // At most one per 300 ms: two versions need at least two intervals of editing.
    expect(elapsed).toBeGreaterThanOrEqual(600)
    const times = versions.map((v) => Date.parse(v.createdAt))
    expect(times[0]! - times[1]!).toBeGreaterThanOrEqual(300)
  })
})
