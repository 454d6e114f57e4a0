import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mentionedMessages } from './mentions.ts'

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

  it('ignores messages without mentions and maps outside the comments root', () => {
    expect(mentionedMessages(...applied((client) => messagesOf(client).push([message('m2', 'Inga namn')])))).toEqual([])
    expect(mentionedMessages(...applied((client) => client.getMap('fields').set('x', message('m3', '@Bo', [{ userId: 'u-bo', name: 'Bo' }]))))).toEqual([])
  })
})
