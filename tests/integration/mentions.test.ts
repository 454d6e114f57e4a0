import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqlite, SqliteDocumentStore, SqliteMentionStore } from '@samskriv/storage'
import * as Y from 'yjs'
import { call, newFixture, registerUser, type Fixture, type TestUser } from '../utils/api.ts'
import { addThread, type Mention } from '../utils/commentThread.ts'
import { RawClient } from '../utils/rawClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture
let editor: TestUser
let viewer: TestUser
let outsider: TestUser
let analyst: TestUser

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
  editor = await fixture.addMember('editor', 'Edit Editorsson')
  viewer = await fixture.addMember('viewer', 'Vera Viewer')
  outsider = await registerUser(server.url, 'Olle Utanför')
  analyst = await fixture.addMember('analyst', 'Anna Analys')
})
afterAll(() => server.stop())

const mention = (user: TestUser): Mention => ({ userId: user.id, name: user.name })
const inbox = async (user: TestUser) => (await call(server.url, 'GET', '/api/mentions', user.token)).body

async function comment(author: TestUser, threadId: string, body: string, mentioned: Mention[]) {
  const raw = await RawClient.connect(server.wsUrl, fixture.documentId, author.token)
  await raw.waitSynced()
  raw.edit((doc) => addThread(doc, threadId, fixture.sections[0]!.id, null, 'citat', author, body, mentioned))
  return raw
}

describe('mention inbox', () => {
  it('records a mention for a mentioned member and lists it for that user only', async () => {
    const raw = await comment(fixture.coordinator, 'th1', '@Edit Editorsson kan du se över budgeten?', [mention(editor), mention(outsider), mention(fixture.coordinator)])
    await waitFor(async () => (await inbox(editor)).mentions.length === 1, 'mention listed for the editor')
    expect(raw.closeCode).toBeUndefined()
    raw.close()

    const { mentions, unread } = await inbox(editor)
    expect(unread).toBe(1)
    expect(mentions[0]).toMatchObject({
      documentId: fixture.documentId,
      documentTitle: 'Ansökan',
      threadId: 'th1',
      messageId: 'th1-1',
      authorId: fixture.coordinator.id,
      authorName: fixture.coordinator.name,
      excerpt: '@Edit Editorsson kan du se över budgeten?',
      unread: true,
    })
    // Not for a non-member, not for oneself, not for anyone not mentioned.
    expect((await inbox(outsider)).mentions).toEqual([])
    expect((await inbox(fixture.coordinator)).mentions).toEqual([])
    expect((await inbox(viewer)).mentions).toEqual([])
    expect((await call(server.url, 'GET', '/api/mentions')).status).toBe(401)
  })

  it('lists newest first, and marks read only the user’s own mentions', async () => {
    const raw = await comment(editor, 'th2', '@Vera Viewer och @Samordnare Siv', [mention(viewer), mention(fixture.coordinator)])
    await waitFor(async () => (await inbox(viewer)).mentions.length === 1 && (await inbox(fixture.coordinator)).mentions.length === 1, 'mentions listed')
    raw.close()
    const second = await comment(fixture.coordinator, 'th3', 'Och igen @Edit Editorsson', [mention(editor)])
    await waitFor(async () => (await inbox(editor)).mentions.length === 2, 'second mention for the editor')
    second.close()

    const { mentions } = await inbox(editor)
    expect(mentions.map((m: { threadId: string }) => m.threadId)).toEqual(['th3', 'th1'])
    const viewerMention = (await inbox(viewer)).mentions[0].id

    // Someone else's id changes nothing; one's own is marked read.
    expect((await call(server.url, 'POST', '/api/mentions/read', editor.token, { ids: [viewerMention] })).body).toEqual({ updated: 0 })
    expect((await inbox(viewer)).unread).toBe(1)
    expect((await call(server.url, 'POST', '/api/mentions/read', editor.token, { ids: [mentions[1].id] })).body).toEqual({ updated: 1 })
    expect((await call(server.url, 'POST', `/api/mentions/${mentions[0].id}/read`, editor.token)).body).toEqual({ updated: 1 })
    const after = await inbox(editor)
    expect(after.unread).toBe(0)
    expect(after.mentions.map((m: { unread: boolean }) => m.unread)).toEqual([false, false])

    const bad = await call(server.url, 'POST', '/api/mentions/read', editor.token, { ids: ['x'] })
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('invalid_field')
  })

  it('refuses a mention list in an unknown shape (4403) and records nothing', async () => {
    const raw = await RawClient.connect(server.wsUrl, fixture.documentId, editor.token)
    await raw.waitSynced()
    raw.edit((doc) => addThread(doc, 'th4', fixture.sections[0]!.id, null, 'citat', editor, 'skräp', [{ userId: viewer.id } as Mention]))
    expect(await raw.waitClosed()).toBe(4403)
    expect((await inbox(viewer)).mentions).toHaveLength(1)
  })

  it('follows an edit of the message and drops the mention when the message is deleted', async () => {
    const raw = await comment(fixture.coordinator, 'th5', '@Vera Viewer och @Edit Editorsson: hemligt', [mention(viewer), mention(editor)])
    const excerpts = async (user: TestUser) => (await inbox(user)).mentions.filter((m: { threadId: string }) => m.threadId === 'th5').map((m: { excerpt: string }) => m.excerpt)
    await waitFor(async () => (await excerpts(viewer)).length === 1 && (await excerpts(editor)).length === 1, 'both mentioned')
    const messageOf = (doc: Y.Doc) => ((doc.getMap('comments').get('th5') as Y.Map<unknown>).get('messages') as Y.Array<Y.Map<unknown>>).get(0)

    // Edited so that only Vera is named: her excerpt follows, Edit's mention goes.
    raw.edit((doc) =>
      doc.transact(() => {
        messageOf(doc).set('body', '@Vera Viewer: nu utan hemligheter')
        messageOf(doc).set('editedAt', Date.now())
        messageOf(doc).set('mentions', [mention(viewer)])
      }),
    )
    await waitFor(async () => (await excerpts(viewer))[0] === '@Vera Viewer: nu utan hemligheter' && (await excerpts(editor)).length === 0, 'excerpt updated, unmentioned dropped')

    // Deleted (the thread goes with its only message): nothing of it stays in the inbox.
    raw.edit((doc) => doc.getMap('comments').delete('th5'))
    await waitFor(async () => (await excerpts(viewer)).length === 0, 'mention of the deleted message gone')
    expect(raw.closeCode).toBeUndefined()
    raw.close()
  })

  it('drops the mention when a coordinator deletes one message of a thread', async () => {
    const raw = await comment(editor, 'th6', 'Första', [])
    const reply = new Y.Map<unknown>()
    raw.edit((doc) => {
      reply.set('id', 'th6-2')
      reply.set('authorId', editor.id)
      reply.set('authorName', editor.name)
      reply.set('body', '@Vera Viewer olämpligt')
      reply.set('at', Date.now())
      reply.set('mentions', [mention(viewer)])
      ;((doc.getMap('comments').get('th6') as Y.Map<unknown>).get('messages') as Y.Array<Y.Map<unknown>>).push([reply])
    })
    const ofThread = async () => (await inbox(viewer)).mentions.filter((m: { messageId: string }) => m.messageId === 'th6-2')
    await waitFor(async () => (await ofThread()).length === 1, 'reply mention listed')
    raw.close()

    const moderator = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await moderator.waitSynced()
    moderator.edit((doc) => ((doc.getMap('comments').get('th6') as Y.Map<unknown>).get('messages') as Y.Array<Y.Map<unknown>>).delete(1, 1))
    await waitFor(async () => (await ofThread()).length === 0, 'moderated reply gone from the inbox')
    expect(moderator.closeCode).toBeUndefined()
    moderator.close()
  })
})

describe('a message id names one message in the inbox', () => {
  const messagesOf = (doc: Y.Doc, threadId: string) => (doc.getMap('comments').get(threadId) as Y.Map<unknown>).get('messages') as Y.Array<Y.Map<unknown>>
  const listed = async (user: TestUser, messageId: string) =>
    (await inbox(user)).mentions
      .filter((m: { messageId: string }) => m.messageId === messageId)
      .map(({ threadId, authorId, authorName, excerpt }: Record<string, string>) => ({ threadId, authorId, authorName, excerpt }))

  it("refuses a new message under another message's id, in any thread (4403); the inbox keeps the first", async () => {
    const raw = await comment(editor, 'th7', '@Samordnare Siv se budgeten', [mention(fixture.coordinator)])
    const first = { threadId: 'th7', authorId: editor.id, authorName: editor.name, excerpt: '@Samordnare Siv se budgeten' }
    await waitFor(async () => (await listed(fixture.coordinator, 'th7-1')).length === 1, 'mention of th7-1 listed')
    raw.close()

    // The analyst's own thread, its message under the editor's id: with mentions (passed off as the
    // editor's words), and without (which dropped the editor's mention).
    for (const [threadId, mentioned] of [
      ['th8', [mention(fixture.coordinator)]],
      ['th9', []],
    ] as const) {
      const forger = await RawClient.connect(server.wsUrl, fixture.documentId, analyst.token)
      await forger.waitSynced()
      forger.edit((doc) => {
        addThread(doc, threadId, fixture.sections[0]!.id, null, 'citat', analyst, '@Samordnare Siv Annas ord', [...mentioned])
        messagesOf(doc, threadId).get(0).set('id', 'th7-1')
      })
      expect(await forger.waitClosed()).toBe(4403)
    }
    expect(await listed(fixture.coordinator, 'th7-1')).toEqual([first])
  })

  it('keeps two messages with one id apart in a document that already holds them', async () => {
    // A document nobody has opened yet, its log written here as one stored before ids had to be new:
    // the editor's message mentions the coordinator, and the analyst's, in another thread, has its id.
    const created = await call(server.url, 'POST', `/api/workspaces/${fixture.workspaceId}/documents`, fixture.coordinator.token, { template: 'esf-projektide', title: 'Äldre' })
    expect(created.status).toBe(201)
    const documentId = created.body.id as string
    const sectionId = created.body.sections[0].id as string
    const db = openSqlite(join(server.dataDir, 'samskriv.sqlite'))
    const log = new SqliteDocumentStore(db)
    const doc = new Y.Doc()
    for (const update of (await log.load(documentId)).updates) Y.applyUpdate(doc, update)
    const stored = Y.encodeStateVector(doc)
    addThread(doc, 'old1', sectionId, null, 'citat', editor, '@Samordnare Siv: Edits text', [mention(fixture.coordinator)])
    addThread(doc, 'old2', sectionId, null, 'citat', analyst, 'Annas text')
    messagesOf(doc, 'old2').get(0).set('id', 'old1-1')
    await log.appendUpdates(documentId, [Y.encodeStateAsUpdate(doc, stored)])
    const editors = { threadId: 'old1', authorId: editor.id, authorName: editor.name, excerpt: '@Samordnare Siv: Edits text' }
    const recorded = await new SqliteMentionStore(db).addMention({
      userId: fixture.coordinator.id,
      workspaceId: fixture.workspaceId,
      documentId,
      threadId: 'old1',
      messageId: 'old1-1',
      authorId: editor.id,
      excerpt: editors.excerpt,
      createdAt: new Date().toISOString(),
    })
    expect(recorded).toBe(true)
    await log.close()
    db.close()

    const open = async (user: TestUser) => {
      const raw = await RawClient.connect(server.wsUrl, documentId, user.token)
      await raw.waitSynced()
      return raw
    }
    const analystClient = await open(analyst)
    expect(messagesOf(analystClient.doc, 'old2').get(0).get('id')).toBe('old1-1')
    expect(await listed(fixture.coordinator, 'old1-1')).toEqual([editors])
    /** Has the analyst mention the coordinator in a new thread; once listed, everything sent before is handled. */
    const handled = async (threadId: string) => {
      analystClient.edit((d) => addThread(d, threadId, sectionId, null, 'citat', analyst, '@Samordnare Siv', [mention(fixture.coordinator)]))
      await waitFor(async () => (await listed(fixture.coordinator, `${threadId}-1`)).length === 1, `${threadId} handled`)
    }

    // The analyst edits their own message: the editor's mention is not theirs to change.
    analystClient.edit((d) =>
      d.transact(() => {
        messagesOf(d, 'old2').get(0).set('body', '@Samordnare Siv: Annas ändrade text')
        messagesOf(d, 'old2').get(0).set('editedAt', Date.now())
      }),
    )
    await handled('new1')
    expect(await listed(fixture.coordinator, 'old1-1')).toEqual([editors])

    // The editor deletes theirs: its mention goes, though the analyst's message still has the id.
    const editorClient = await open(editor)
    editorClient.edit((d) => d.getMap('comments').delete('old1'))
    await waitFor(async () => (await listed(fixture.coordinator, 'old1-1')).length === 0, 'mention of the deleted message gone')
    expect(messagesOf(editorClient.doc, 'old2').get(0).get('id')).toBe('old1-1')
    expect(editorClient.closeCode).toBeUndefined()
    expect(analystClient.closeCode).toBeUndefined()
    editorClient.close()
    analystClient.close()
  })
})
