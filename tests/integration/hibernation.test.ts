import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { openSqlite, SqliteDocumentStore, type SqliteDatabase } from '@samskriv/storage'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { addThread, paragraphText } from '../utils/commentThread.ts'
import { newClient, typeParagraph, type TestClient } from '../utils/newClient.ts'
import { RawClient } from '../utils/rawClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

// An open document nobody changes for HIBERNATE_AFTER_MS is kept only encoded; hibernating also
// compacts its log to one entry, which is how the test sees it happen with clients still connected
// (the log is far below COMPACT_AFTER and nobody left, so nothing else compacts it).

let server: TestServer
let fixture: Fixture
let editor: TestUser
let db: SqliteDatabase
let log: SqliteDocumentStore

beforeAll(async () => {
  server = await newServer({ HIBERNATE_AFTER_MS: '300', COMPACT_AFTER: '10000' })
  fixture = await newFixture(server.url)
  editor = await fixture.addMember('editor', 'Edit Editorsson')
  db = openSqlite(join(server.dataDir, 'samskriv.sqlite'))
  log = new SqliteDocumentStore(db)
})
afterAll(async () => {
  await log?.close()
  db?.close()
  await server.stop()
})

const hibernated = () => waitFor(async () => (await log.countUpdates(fixture.documentId)) === 1, 'document hibernated (log compacted while open)')
const messagesOf = (doc: Y.Doc, threadId: string) => (doc.getMap('comments').get(threadId) as Y.Map<unknown>).get('messages') as Y.Array<Y.Map<unknown>>

describe('an open document that goes quiet', () => {
  let a: TestClient
  let b: TestClient
  const section = () => fixture.sections[0]!.id

  it('syncs newcomers and takes edits after hibernating, for clients that stayed connected', async () => {
    a = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    b = await newClient(server.wsUrl, fixture.documentId, editor.token)
    for (const line of ['Första raden', 'Andra raden', 'Tredje raden']) typeParagraph(a.doc, section(), line)
    await waitFor(() => b.text(section()).includes('Tredje raden'), 'B has the lines')
    expect(await log.countUpdates(fixture.documentId)).toBeGreaterThan(1)
    await hibernated()

    const late = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    expect(late.text(section())).toBe(a.text(section()))
    typeParagraph(b.doc, section(), 'Skrivet efter vilan')
    await waitFor(() => a.text(section()).includes('Skrivet efter vilan') && late.text(section()).includes('Skrivet efter vilan'), 'the edit after hibernation reaches everyone')
    late.destroy()
  })

  it('still checks comment authorship and locks after hibernating', async () => {
    const raw = async (user: TestUser) => {
      const client = await RawClient.connect(server.wsUrl, fixture.documentId, user.token)
      await client.waitSynced()
      return client
    }
    const line = (doc: Y.Doc) => paragraphText(doc, section(), 'Första raden')
    // A comment before hibernating: the guard builds its copy of the comments, which must not outlive the Y.Doc.
    const author = await raw(editor)
    author.edit((doc) => addThread(doc, 'före', section(), line(doc), 'Första', editor, 'Före vilan'))
    await waitFor(() => a.doc.getMap('comments').has('före'), 'first thread stored')
    await hibernated()

    author.edit((doc) => addThread(doc, 'efter', section(), line(doc), 'raden', editor, 'Efter vilan'))
    await waitFor(() => a.doc.getMap('comments').has('efter'), 'thread after hibernation stored')
    author.edit((doc) => messagesOf(doc, 'efter').get(0).set('body', 'Efter vilan, ändrad'))
    await waitFor(() => messagesOf(a.doc, 'efter').get(0)?.get('body') === 'Efter vilan, ändrad', "the author's own edit accepted")
    expect(author.closeCode).toBeUndefined()

    await hibernated()
    const forger = await raw(editor)
    forger.edit((doc) => addThread(doc, 'förfalskad', section(), line(doc), 'Första', fixture.coordinator, 'I någon annans namn'))
    expect(await forger.waitClosed()).toBe(4403)

    const lock = await call(server.url, 'POST', `/api/documents/${fixture.documentId}/sections/${section()}/lock`, fixture.coordinator.token, { reason: 'Granskning' })
    expect(lock.status).toBe(200)
    await hibernated()
    const writer = await raw(editor)
    writer.edit((doc) => typeParagraph(doc, section(), 'I ett låst avsnitt'))
    expect(await writer.waitClosed()).toBe(4403)
    author.close()
  })

  it('keeps everything across a kill -9 after hibernating', async () => {
    const expected = a.text(section())
    a.destroy()
    b.destroy()
    await server.crashAndRestart()
    const fresh = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    expect(fresh.text(section())).toBe(expected)
    expect(fresh.text(section())).not.toContain('I ett låst avsnitt')
    expect(fresh.doc.getMap('comments').has('efter')).toBe(true)
    expect(fresh.doc.getMap('comments').has('förfalskad')).toBe(false)
    fresh.destroy()
  })
})
