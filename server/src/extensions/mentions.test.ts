import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deletesComments, mentionedMessages } from './mentions.ts'

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
