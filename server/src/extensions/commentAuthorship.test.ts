import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { commentAuthorshipRefusal, type CommentActor } from './commentAuthorship.ts'

const asa: CommentActor = { userId: 'u-asa', name: 'Åsa', role: 'editor' }
const bo: CommentActor = { userId: 'u-bo', name: 'Bo', role: 'editor' }
const siv: CommentActor = { userId: 'u-siv', name: 'Siv', role: 'coordinator' }

function message(id: string, author: Pick<CommentActor, 'userId' | 'name'>, body: string): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  map.set('id', id)
  map.set('authorId', author.userId)
  map.set('authorName', author.name)
  map.set('body', body)
  map.set('at', 1)
  return map
}

/** A thread in the client model's shape (client/src/features/comments/model). */
function addThread(doc: Y.Doc, threadId: string, author: Pick<CommentActor, 'userId' | 'name'>, createdBy = author.userId) {
  doc.transact(() => {
    const thread = new Y.Map<unknown>()
    const messages = new Y.Array<Y.Map<unknown>>()
    messages.push([message(`${threadId}-1`, author, 'Första')])
    thread.set('sectionId', 's1')
    thread.set('anchor', { start: new Uint8Array([1, 2]), end: new Uint8Array([3, 4]) })
    thread.set('quote', 'citat')
    thread.set('resolved', false)
    thread.set('createdBy', createdBy)
    thread.set('createdAt', 1)
    thread.set('messages', messages)
    doc.getMap('comments').set(threadId, thread)
  })
}

/** The server doc holds one thread by Åsa; `change` runs on a client copy and yields its update. */
function scenario(change: (doc: Y.Doc) => void): [Y.Doc, Uint8Array] {
  const server = new Y.Doc()
  addThread(server, 't1', asa)
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  change(client)
  return [server, Y.encodeStateAsUpdate(client, before)]
}

const thread = (doc: Y.Doc, id = 't1') => doc.getMap('comments').get(id) as Y.Map<unknown>
const messages = (doc: Y.Doc, id = 't1') => thread(doc, id).get('messages') as Y.Array<Y.Map<unknown>>

describe('commentAuthorshipRefusal', () => {
  it('accepts a new thread and a reply in the sender’s own name', () => {
    expect(commentAuthorshipRefusal(...scenario((doc) => addThread(doc, 't2', bo)), bo)).toBeNull()
    expect(commentAuthorshipRefusal(...scenario((doc) => messages(doc).push([message('r1', bo, 'Svar')])), bo)).toBeNull()
  })

  it('refuses a thread, reply or creator in someone else’s name', () => {
    expect(commentAuthorshipRefusal(...scenario((doc) => addThread(doc, 't2', asa)), bo)).toMatch(/skriven av dig/)
    expect(commentAuthorshipRefusal(...scenario((doc) => addThread(doc, 't2', bo, asa.userId)), bo)).toMatch(/skriven av dig/)
    expect(commentAuthorshipRefusal(...scenario((doc) => messages(doc).push([message('r1', asa, 'Svar')])), bo)).toMatch(/skriven av dig/)
    // The right id with another display name is a forgery too.
    expect(commentAuthorshipRefusal(...scenario((doc) => messages(doc).push([message('r1', { userId: bo.userId, name: 'Åsa' }, 'Svar')])), bo)).toMatch(/skriven av dig/)
  })

  it('lets only the author edit a message, and only its text', () => {
    const edit = (doc: Y.Doc) => messages(doc).get(0).set('body', 'Ändrad')
    expect(commentAuthorshipRefusal(...scenario(edit), asa)).toBeNull()
    expect(commentAuthorshipRefusal(...scenario(edit), bo)).toMatch(/egna kommentarer/)
    expect(commentAuthorshipRefusal(...scenario(edit), siv)).toMatch(/egna kommentarer/)
    expect(commentAuthorshipRefusal(...scenario((doc) => messages(doc).get(0).set('authorName', 'Någon')), asa)).toMatch(/författare/)
    expect(commentAuthorshipRefusal(...scenario((doc) => messages(doc).get(0).set('at', 99)), asa)).toMatch(/Bara texten/)
  })

  it('lets the author or a coordinator delete a message or a thread', () => {
    const removeMessage = (doc: Y.Doc) => messages(doc).delete(0, 1)
    const removeThread = (doc: Y.Doc) => doc.getMap('comments').delete('t1')
    expect(commentAuthorshipRefusal(...scenario(removeMessage), asa)).toBeNull()
    expect(commentAuthorshipRefusal(...scenario(removeMessage), siv)).toBeNull()
    expect(commentAuthorshipRefusal(...scenario(removeMessage), bo)).toMatch(/ta bort/)
    expect(commentAuthorshipRefusal(...scenario(removeThread), asa)).toBeNull()
    expect(commentAuthorshipRefusal(...scenario(removeThread), siv)).toBeNull()
    expect(commentAuthorshipRefusal(...scenario(removeThread), bo)).toMatch(/ta bort/)
  })

  it('lets any commenter resolve, but nobody move the anchor', () => {
    expect(commentAuthorshipRefusal(...scenario((doc) => thread(doc).set('resolved', true)), bo)).toBeNull()
    expect(commentAuthorshipRefusal(...scenario((doc) => thread(doc).set('quote', 'annat')), asa)).toMatch(/förankring/)
    expect(commentAuthorshipRefusal(...scenario((doc) => thread(doc).set('createdBy', bo.userId)), bo)).toMatch(/förankring/)
  })

  it('refuses shapes it does not know (fail closed)', () => {
    expect(commentAuthorshipRefusal(...scenario((doc) => thread(doc).set('extra', 1)), asa)).toMatch(/okänd form/)
    expect(commentAuthorshipRefusal(...scenario((doc) => doc.getMap('comments').set('t2', 'text')), asa)).toMatch(/okänd form/)
    expect(commentAuthorshipRefusal(...scenario((doc) => thread(doc).set('messages', [{ id: 'x' }])), asa)).toMatch(/okänd form/)
    expect(commentAuthorshipRefusal(...scenario((doc) => messages(doc).get(0).set('mentions', 'alla')), asa)).toMatch(/okänd form/)
    expect(commentAuthorshipRefusal(...scenario((doc) => messages(doc).push([message('t1-1', bo, 'samma id')])), bo)).toMatch(/okänd form/)
  })

  it('accepts mentions as a list of {userId, name}', () => {
    const mention = (doc: Y.Doc) => {
      const reply = message('r1', bo, '@Åsa titta här')
      reply.set('mentions', [{ userId: asa.userId, name: asa.name }])
      messages(doc).push([reply])
    }
    expect(commentAuthorshipRefusal(...scenario(mention), bo)).toBeNull()
  })
})
