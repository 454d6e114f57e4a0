import type { Connection, Room } from '@samskriv/collab'
import { openSqlite, SqliteAppStore, SqliteMentionStore } from '@samskriv/storage'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deletesComments, mentionedMessages, mentions } from './mentions.ts'

function message(id: string, body: string, mentions?: unknown): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  map.set('id', id)
  map.set('authorId', 'u-asa')
  map.set('authorName', 'Åsa')
  map.set('body', body)
  map.set('at', 1)
  if (mentions !== undefined) map.set('mentions', mentions)
  return map
}

/** A server doc with thread t1 (one message, no mentions); `change` yields an update applied to it. */
function applied(change: (doc: Y.Doc) => void): [Y.Doc, Uint8Array] {
  const server = new Y.Doc()
  const thread = new Y.Map<unknown>()
  const messages = new Y.Array<Y.Map<unknown>>()
  messages.push([message('m1', 'Hej')])
  thread.set('messages', messages)
  server.getMap('comments').set('t1', thread)
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  change(client)
  const update = Y.encodeStateAsUpdate(client, before)
  Y.applyUpdate(server, update)
  return [server, update]
}

const messagesOf = (doc: Y.Doc) => (doc.getMap('comments').get('t1') as Y.Map<unknown>).get('messages') as Y.Array<Y.Map<unknown>>

describe('mentionedMessages', () => {
  it('finds a new reply with mentions, once per user', () => {
    const [doc, update] = applied((client) =>
      messagesOf(client).push([message('m2', '@Bo och @Cia', [{ userId: 'u-bo', name: 'Bo' }, { userId: 'u-cia', name: 'Cia' }, { userId: 'u-bo', name: 'Bo' }])]),
    )
    expect(mentionedMessages(doc, update)).toEqual([{ threadId: 't1', messageId: 'm2', authorId: 'u-asa', body: '@Bo och @Cia', userIds: ['u-bo', 'u-cia'] }])
  })

  it('finds mentions added by an edit (a key overwrite)', () => {
    const [doc, update] = applied((client) => {
      const first = messagesOf(client).get(0)
      first.set('mentions', [])
      first.set('mentions', [{ userId: 'u-bo', name: 'Bo' }])
    })
    expect(mentionedMessages(doc, update).map((found) => found.userIds)).toEqual([['u-bo']])
  })

  it('finds an edited text, and a message that mentions nobody (earlier mentions are then dropped)', () => {
    const [doc, update] = applied((client) => messagesOf(client).get(0).set('body', 'Ändrad'))
    expect(mentionedMessages(doc, update)).toEqual([{ threadId: 't1', messageId: 'm1', authorId: 'u-asa', body: 'Ändrad', userIds: [] }])
    expect(mentionedMessages(...applied((client) => messagesOf(client).push([message('m2', 'Inga namn')])))).toEqual([
      { threadId: 't1', messageId: 'm2', authorId: 'u-asa', body: 'Inga namn', userIds: [] },
    ])
  })

  it('ignores maps outside the comments root and other keys of a message', () => {
    expect(mentionedMessages(...applied((client) => client.getMap('fields').set('x', message('m3', '@Bo', [{ userId: 'u-bo', name: 'Bo' }]))))).toEqual([])
    expect(mentionedMessages(...applied((client) => messagesOf(client).get(0).set('at', 2)))).toEqual([])
  })
})

describe('deletesComments', () => {
  const deleteSetOf = (update: Uint8Array) => Y.decodeUpdate(update).ds

  it('sees a deleted message, a deleted thread and a removed key', () => {
    const [doc, update] = applied((client) => messagesOf(client).delete(0, 1))
    expect(deletesComments(doc, deleteSetOf(update))).toBe(true)
    const [other, removal] = applied((client) => client.getMap('comments').delete('t1'))
    expect(deletesComments(other, deleteSetOf(removal))).toBe(true)
    const [third, unmention] = applied((client) => messagesOf(client).get(0).delete('at'))
    expect(deletesComments(third, deleteSetOf(unmention))).toBe(true)
  })

  it('ignores deletions elsewhere and updates that delete nothing', () => {
    const [doc, update] = applied((client) => {
      client.getText('t').insert(0, 'abc')
      client.getText('t').delete(0, 1)
    })
    expect(deletesComments(doc, deleteSetOf(update))).toBe(false)
    const [other, edit] = applied((client) => messagesOf(client).get(0).set('body', 'Ny'))
    // An edit replaces the old value: nothing was removed.
    expect(deletesComments(other, deleteSetOf(edit))).toBe(false)
    const [third, reply] = applied((client) => messagesOf(client).push([message('m2', 'Svar')]))
    expect(deletesComments(third, deleteSetOf(reply))).toBe(false)
  })
})

describe('the mention inbox extension', () => {
  /** Åsa, Bo and Cia in workspace w1 with document d1; `write` applies a change to the room's doc and runs the hook as the room does. */
  async function setUp() {
    const db = openSqlite(':memory:')
    const store = new SqliteAppStore(db)
    const inbox = new SqliteMentionStore(db)
    const at = '2025-03-01T10:00:00.000Z'
    for (const [id, name] of [
      ['u-asa', 'Åsa'],
      ['u-bo', 'Bo'],
      ['u-cia', 'Cia'],
    ]) {
      await store.createUser({ id: id!, email: `${id}@example.se`, name: name!, passwordHash: 'hash', createdAt: at })
    }
    await store.createWorkspace({ id: 'w1', name: 'Förbundet', createdBy: 'u-asa', createdAt: at }, 'u-asa')
    for (const userId of ['u-bo', 'u-cia']) await store.upsertMember('w1', userId, 'editor', at)
    await store.createDocument({ id: 'd1', workspaceId: 'w1', title: 'Ansökan', template: 'esf-projektide', templateVersion: 1, createdBy: 'u-asa', createdAt: at, updatedAt: at, deletedAt: null })
    const room = { documentId: 'd1', doc: new Y.Doc() } as unknown as Room
    const extension = mentions(inbox, store)
    const author = { context: { userId: 'u-bo' } } as unknown as Connection
    return {
      inbox,
      async write(change: (doc: Y.Doc) => void) {
        const before = Y.encodeStateVector(room.doc)
        change(room.doc)
        await extension.afterStoreUpdate?.({ room, update: Y.encodeStateAsUpdate(room.doc, before), authors: [author] })
      },
    }
  }

  const threadWith = (message: Y.Map<unknown>) => {
    const thread = new Y.Map<unknown>()
    thread.set('messages', Y.Array.from([message]))
    return thread
  }
  const by = (authorId: string, id: string, body: string, mentioned: string[] = []) => {
    const map = new Y.Map<unknown>()
    for (const [key, value] of Object.entries({ id, authorId, authorName: authorId, body, at: 1 })) map.set(key, value)
    if (mentioned.length > 0) map.set('mentions', mentioned.map((userId) => ({ userId, name: userId })))
    return map
  }
  const messageIn = (doc: Y.Doc, threadId: string) => ((doc.getMap('comments').get(threadId) as Y.Map<unknown>).get('messages') as Y.Array<Y.Map<unknown>>).get(0)

  it('keeps apart two messages that share an id (as older documents may hold)', async () => {
    const { inbox, write } = await setUp()
    await write((doc) => doc.getMap('comments').set('t1', threadWith(by('u-asa', 'm1', '@Cia läs detta', ['u-cia']))))
    // Another author's thread with a message under the same id, written before ids had to be new.
    await write((doc) => doc.getMap('comments').set('t2', threadWith(by('u-bo', 'm1', 'Utan namn'))))
    await write((doc) => messageIn(doc, 't2').set('body', '@Cia Bos text'))
    await write((doc) => messageIn(doc, 't2').set('mentions', [{ userId: 'u-cia', name: 'Cia' }]))
    const listed = async () => (await inbox.listMentions('u-cia')).map(({ threadId, authorId, excerpt }) => ({ threadId, authorId, excerpt }))
    // Each message has its own mention: the shared id blocks neither.
    const bos = { threadId: 't2', authorId: 'u-bo', excerpt: '@Cia Bos text' }
    expect(await listed()).toEqual([bos, { threadId: 't1', authorId: 'u-asa', excerpt: '@Cia läs detta' }])

    // Åsa's message goes with its mention, and Bo's stays.
    await write((doc) => doc.getMap('comments').delete('t1'))
    expect(await listed()).toEqual([bos])
  })
})
