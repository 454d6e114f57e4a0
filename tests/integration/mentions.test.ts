import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
  editor = await fixture.addMember('editor', 'Edit Editorsson')
  viewer = await fixture.addMember('viewer', 'Vera Viewer')
  outsider = await registerUser(server.url, 'Olle Utanför')
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
