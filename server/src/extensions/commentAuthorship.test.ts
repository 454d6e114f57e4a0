import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { commentAuthorshipRefusal, type CommentActor } from './commentAuthorship.ts'
import { CommentsMirror } from './commentsMirror.ts'

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

/** A new Y.Map with the same content (plain values copied, nested types copied deeply). */
function copyOf(map: Y.Map<unknown>): Y.Map<unknown> {
  const copy = new Y.Map<unknown>()
  for (const [key, value] of map.entries()) {
    copy.set(key, value instanceof Y.Array ? Y.Array.from(value.toArray().map((entry) => (entry instanceof Y.Map ? copyOf(entry) : entry))) : value)
  }
  return copy
}

const thread = (doc: Y.Doc, id = 't1') => doc.getMap('comments').get(id) as Y.Map<unknown>
const messages = (doc: Y.Doc, id = 't1') => thread(doc, id).get('messages') as Y.Array<Y.Map<unknown>>

/** Checks `update` against a fresh mirror of `doc`, as the permissions guard does. */
const check = (doc: Y.Doc, update: Uint8Array, actor: CommentActor) => commentAuthorshipRefusal(new CommentsMirror(doc), update, actor, 'connection')

/** The update `change` makes on a copy of `doc`. */
function updateOf(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(copy)
  change(copy)
  return Y.encodeStateAsUpdate(copy, before)
}

describe('commentAuthorshipRefusal', () => {
  it('accepts a new thread and a reply in the sender’s own name', () => {
    expect(check(...scenario((doc) => addThread(doc, 't2', bo)), bo)).toBeNull()
    expect(check(...scenario((doc) => messages(doc).push([message('r1', bo, 'Svar')])), bo)).toBeNull()
  })

  it('refuses a thread, reply or creator in someone else’s name', () => {
    expect(check(...scenario((doc) => addThread(doc, 't2', asa)), bo)).toMatch(/skriven av dig/)
    expect(check(...scenario((doc) => addThread(doc, 't2', bo, asa.userId)), bo)).toMatch(/skriven av dig/)
    expect(check(...scenario((doc) => messages(doc).push([message('r1', asa, 'Svar')])), bo)).toMatch(/skriven av dig/)
    // The right id with another display name is a forgery too.
    expect(check(...scenario((doc) => messages(doc).push([message('r1', { userId: bo.userId, name: 'Åsa' }, 'Svar')])), bo)).toMatch(/skriven av dig/)
  })

  it('lets only the author edit a message, and only its text', () => {
    const edit = (doc: Y.Doc) => messages(doc).get(0).set('body', 'Ändrad')
    expect(check(...scenario(edit), asa)).toBeNull()
    expect(check(...scenario(edit), bo)).toMatch(/egna kommentarer/)
    expect(check(...scenario(edit), siv)).toMatch(/egna kommentarer/)
    expect(check(...scenario((doc) => messages(doc).get(0).set('authorName', 'Någon')), asa)).toMatch(/författare/)
    expect(check(...scenario((doc) => messages(doc).get(0).set('at', 99)), asa)).toMatch(/Bara texten/)
  })

  it('refuses a new or edited message over 5 000 characters, and leaves a longer one from before alone', () => {
    const long = 'x'.repeat(5001)
    expect(check(...scenario((doc) => messages(doc).push([message('r1', bo, 'x'.repeat(5000))])), bo)).toBeNull()
    expect(check(...scenario((doc) => messages(doc).push([message('r1', bo, long)])), bo)).toMatch(/^En kommentar får vara högst 5\s000 tecken\.$/)
    expect(check(...scenario((doc) => addThread(doc, 't2', bo)), bo)).toBeNull()
    expect(check(...scenario((doc) => messages(doc).get(0).set('body', long)), asa)).toMatch(/^En kommentar får vara högst 5\s000 tecken\.$/)
    // A thread holding a long message from before the limit: others may still reply and resolve.
    const server = new Y.Doc()
    addThread(server, 't1', asa)
    server.transact(() => messages(server).get(0).set('body', long))
    expect(check(server, updateOf(server, (copy) => messages(copy).push([message('r2', bo, 'Kort svar')])), bo)).toBeNull()
    expect(check(server, updateOf(server, (copy) => thread(copy).set('resolved', true)), bo)).toBeNull()
  })

  it('lets the author or a coordinator delete a message or a thread', () => {
    const removeMessage = (doc: Y.Doc) => messages(doc).delete(0, 1)
    const removeThread = (doc: Y.Doc) => doc.getMap('comments').delete('t1')
    expect(check(...scenario(removeMessage), asa)).toBeNull()
    expect(check(...scenario(removeMessage), siv)).toBeNull()
    expect(check(...scenario(removeMessage), bo)).toMatch(/ta bort/)
    expect(check(...scenario(removeThread), asa)).toBeNull()
    expect(check(...scenario(removeThread), siv)).toBeNull()
    expect(check(...scenario(removeThread), bo)).toMatch(/ta bort/)
  })

  it('lets any commenter resolve, but nobody move the anchor', () => {
    expect(check(...scenario((doc) => thread(doc).set('resolved', true)), bo)).toBeNull()
    expect(check(...scenario((doc) => thread(doc).set('quote', 'annat')), asa)).toMatch(/förankring/)
    expect(check(...scenario((doc) => thread(doc).set('createdBy', bo.userId)), bo)).toMatch(/förankring/)
  })

  it('refuses shapes it does not know (fail closed)', () => {
    expect(check(...scenario((doc) => thread(doc).set('extra', 1)), asa)).toMatch(/okänd form/)
    expect(check(...scenario((doc) => doc.getMap('comments').set('t2', 'text')), asa)).toMatch(/okänd form/)
    expect(check(...scenario((doc) => thread(doc).set('messages', [{ id: 'x' }])), asa)).toMatch(/okänd form/)
    expect(check(...scenario((doc) => messages(doc).get(0).set('mentions', 'alla')), asa)).toMatch(/okänd form/)
  })

  it('refuses a thread whose anchor, quote or time is a Yjs type that anyone could change inside later', () => {
    const withField = (key: string, value: unknown) => (doc: Y.Doc) => {
      addThread(doc, 't2', bo)
      thread(doc, 't2').set(key, value)
    }
    const nestedAnchor = new Y.Map<unknown>([['start', new Uint8Array([1])], ['end', new Uint8Array([2])]])
    expect(check(...scenario(withField('anchor', nestedAnchor)), bo)).toMatch(/okänd form/)
    expect(check(...scenario(withField('quote', new Y.Text('citat'))), bo)).toMatch(/okänd form/)
    expect(check(...scenario(withField('createdAt', new Y.Array<number>())), bo)).toMatch(/okänd form/)
    expect(check(...scenario(withField('anchor', { start: new Uint8Array([1]), end: 'x' })), bo)).toMatch(/okänd form/)
    expect(check(...scenario(withField('anchor', { start: new Uint8Array([1]), end: new Uint8Array([2]), extra: 1 })), bo)).toMatch(/okänd form/)
    // The client model's shape stays fine.
    expect(check(...scenario((doc) => addThread(doc, 't2', bo)), bo)).toBeNull()
  })

  it('refuses a new message under an id the document already has, in any thread', () => {
    expect(check(...scenario((doc) => messages(doc).push([message('t1-1', bo, 'samma id')])), bo)).toMatch(/id används redan/)
    // Mentions are kept per message id: Bo's own thread must not take the id of Åsa's message.
    const [server] = scenario(() => undefined)
    const ownThread = updateOf(server, (doc) => {
      addThread(doc, 't2', bo)
      messages(doc, 't2').get(0).set('id', 't1-1')
    })
    expect(check(server, ownThread, bo)).toMatch(/id används redan/)
    expect(check(...scenario((doc) => messages(doc).push([message('r1', bo, 'Ett'), message('r1', bo, 'Två')])), bo)).toMatch(/id används redan/)
    // Even where the first one is deleted in the same update: the inbox would take one for the other.
    const replaced = (doc: Y.Doc) => {
      messages(doc).delete(0, 1)
      messages(doc).push([message('t1-1', siv, 'Ersatt')])
    }
    expect(check(...scenario(replaced), siv)).toMatch(/id används redan/)
  })

  it('sees a message deleted and written again as a copy as a deletion, whatever its place', () => {
    const [server] = scenario(() => undefined)
    Y.applyUpdate(server, updateOf(server, (doc) => messages(doc).push([message('r1', bo, 'Svar')])))
    const copyInPlace = updateOf(server, (doc) => {
      const copy = copyOf(messages(doc).get(0))
      messages(doc).delete(0, 1)
      messages(doc).insert(0, [copy])
    })
    expect(check(server, copyInPlace, bo)).toMatch(/ta bort/)
    const reordered = updateOf(server, (doc) => {
      const copy = copyOf(messages(doc).get(0))
      messages(doc).delete(0, 1)
      messages(doc).push([copy])
    })
    expect(check(server, reordered, bo)).toMatch(/ta bort/)
    // Its author may delete it, but not bring it back under the same id.
    expect(check(server, copyInPlace, asa)).toMatch(/id används redan/)
  })

  it('sees a key written again with the same value as a write', () => {
    // Concurrent writes are ordered by client id: Bo's may win over an edit Åsa makes meanwhile and keep her old text.
    const sameBody = (doc: Y.Doc) => messages(doc).get(0).set('body', 'Första')
    expect(check(...scenario(sameBody), bo)).toMatch(/egna kommentarer/)
    expect(check(...scenario(sameBody), asa)).toBeNull()
    expect(check(...scenario((doc) => messages(doc).get(0).set('at', 1)), asa)).toMatch(/Bara texten/)
    expect(check(...scenario((doc) => thread(doc).set('quote', 'citat')), asa)).toMatch(/förankring/)
    expect(check(...scenario((doc) => thread(doc).set('anchor', { start: new Uint8Array([1, 2]), end: new Uint8Array([3, 4]) })), asa)).toMatch(/förankring/)
    // Resolving twice is still resolving.
    expect(check(...scenario((doc) => thread(doc).set('resolved', false)), bo)).toBeNull()
  })

  it('sees a thread written again under its key as a deleted thread and a new one', () => {
    const copyThread = (doc: Y.Doc) => doc.getMap('comments').set('t1', copyOf(thread(doc)))
    expect(check(...scenario(copyThread), bo)).toMatch(/ta bort/)
    // A coordinator may delete Åsa's thread, but not put a new one in her name in its place.
    const inHerName = (doc: Y.Doc) => {
      const replacement = new Y.Map<unknown>()
      for (const key of ['sectionId', 'anchor', 'quote', 'resolved', 'createdBy', 'createdAt']) replacement.set(key, thread(doc).get(key))
      replacement.set('messages', Y.Array.from([message('s1', siv, 'Min text')]))
      doc.getMap('comments').set('t1', replacement)
    }
    expect(check(...scenario(inHerName), siv)).toMatch(/ny tråd/)
    // Nor swap its list of messages: replies written meanwhile into the old one would be lost.
    const newList = (doc: Y.Doc) => thread(doc).set('messages', Y.Array.from([message('a2', asa, 'Ny lista')]))
    expect(check(...scenario(newList), asa)).toMatch(/förankring/)
  })

  it('accepts an update again that the document already holds (a resend after reconnecting)', () => {
    const [server, update] = scenario((doc) => {
      messages(doc).get(0).set('body', 'Ändrad')
      messages(doc).push([message('r1', asa, 'Svar')])
    })
    expect(check(server, update, asa)).toBeNull()
    Y.applyUpdate(server, update)
    expect(check(server, update, asa)).toBeNull()
  })

  it('accepts mentions as a list of {userId, name}', () => {
    const mention = (doc: Y.Doc) => {
      const reply = message('r1', bo, '@Åsa titta här')
      reply.set('mentions', [{ userId: asa.userId, name: asa.name }])
      messages(doc).push([reply])
    }
    expect(check(...scenario(mention), bo)).toBeNull()
  })
})

describe('the comments mirror behind the check', () => {
  it('holds only the comments, and follows everything the document takes', () => {
    const server = new Y.Doc()
    server.getText('section:s1').insert(0, 'x'.repeat(50_000))
    addThread(server, 't1', asa)
    const mirror = new CommentsMirror(server)
    const first = updateOf(server, (doc) => messages(doc).push([message('r1', bo, 'Svar')]))
    const tried = mirror.tryUpdate(first, 'bo')
    expect(tried?.touched).toEqual(new Set(['t1']))
    // The text outside the root is only a placeholder of its clocks.
    expect(Y.encodeStateAsUpdate(tried!.comments.doc!).length).toBeLessThan(1_000)
    Y.applyUpdate(server, first, 'bo')

    // Made after the mirror was built, by others: text first, then a reply of Bo's.
    const later = new Y.Doc()
    Y.applyUpdate(later, Y.encodeStateAsUpdate(server))
    later.getText('section:s1').insert(0, 'mer text')
    messages(later).push([message('r2', bo, 'Andra svaret')])
    Y.applyUpdate(server, Y.encodeStateAsUpdate(later, Y.encodeStateVector(server)), 'other')

    const edit = updateOf(server, (doc) => messages(doc).get(2).set('body', 'Ändrat'))
    expect(commentAuthorshipRefusal(mirror, edit, asa, 'asa')).toMatch(/egna kommentarer/)
    expect(commentAuthorshipRefusal(mirror, edit, bo, 'bo')).toBeNull()
    mirror.destroy()
  })

  it('keeps its index of message ids equal to the document as threads and messages come and go', () => {
    const server = new Y.Doc()
    addThread(server, 't1', asa)
    const mirror = new CommentsMirror(server)
    const allIds = () => [...server.getMap<Y.Map<unknown>>('comments').values()].flatMap((thread) => (thread.get('messages') as Y.Array<Y.Map<unknown>>).map((entry) => entry.get('id')))
    const expectIndexed = (absent: string[]) => {
      for (const id of allIds()) expect(mirror.holdsMessageId(id as string), id as string).toBe(true)
      for (const id of absent) expect(mirror.holdsMessageId(id), id).toBe(false)
    }
    expectIndexed(['t2-1', 'r1'])
    // Taken by the document: a thread, a reply (from another client), an id written again.
    addThread(server, 't2', bo)
    Y.applyUpdate(server, updateOf(server, (doc) => messages(doc).push([message('r1', bo, 'Svar')])), 'bo')
    messages(server, 't2').get(0).set('id', 't2-x')
    expectIndexed(['t2-1'])
    expect(commentAuthorshipRefusal(mirror, updateOf(server, (doc) => messages(doc, 't2').push([message('r1', bo, 'Igen')])), bo, 'bo')).toMatch(/id används redan/)
    // Gone from the document: a message, a thread, a thread written again under its key.
    messages(server).delete(1, 1)
    server.getMap('comments').delete('t2')
    addThread(server, 't1', siv)
    expectIndexed(['r1', 't2-x'])
    expect(commentAuthorshipRefusal(mirror, updateOf(server, (doc) => messages(doc).push([message('r1', siv, 'Nu fritt')])), siv, 'siv')).toBeNull()
    // Tried, not taken: the index is the document's, never the mirror's.
    expect(mirror.holdsMessageId('r1')).toBe(false)
    mirror.destroy()
  })

  it('checks a new message’s id without reading the threads the update does not touch', () => {
    const server = new Y.Doc()
    for (let index = 0; index < 200; index++) addThread(server, `t${index}`, asa)
    const mirror = new CommentsMirror(server)
    const reply = (id: string) => updateOf(server, (doc) => messages(doc, 't7').push([message(id, bo, 'Svar')]))
    // The first check builds the mirror and its index from every thread.
    const first = reply('r1')
    expect(commentAuthorshipRefusal(mirror, first, bo, 'bo')).toBeNull()
    Y.applyUpdate(server, first, 'bo')
    const read = vi.spyOn(Y.Array.prototype, 'toArray')
    try {
      const second = reply('r2')
      expect(commentAuthorshipRefusal(mirror, second, bo, 'bo')).toBeNull()
      Y.applyUpdate(server, second, 'bo')
      // The touched thread before and after, and the index following it: not the other 199.
      expect(read.mock.calls.length).toBeLessThan(10)
    } finally {
      read.mockRestore()
    }
    mirror.destroy()
  })

  it('judges the next update against the document when the last accepted one never reached it', () => {
    const server = new Y.Doc()
    addThread(server, 't1', asa)
    Y.applyUpdate(server, updateOf(server, (doc) => messages(doc).push([message('r1', bo, 'Svar')])))
    const mirror = new CommentsMirror(server)
    const removeFirst = updateOf(server, (doc) => messages(doc).delete(0, 1))
    // Åsa may delete her own message, but a later check refuses the update: the document never takes it.
    expect(commentAuthorshipRefusal(mirror, removeFirst, asa, 'asa')).toBeNull()
    // Bo's deletion of the same message must not pass as "nothing changed".
    expect(commentAuthorshipRefusal(mirror, removeFirst, bo, 'bo')).toMatch(/ta bort/)
    // A refusal forgets what it tried: Bo's own reply can still be deleted by him.
    expect(commentAuthorshipRefusal(mirror, updateOf(server, (doc) => messages(doc).delete(1, 1)), bo, 'bo')).toBeNull()
    mirror.destroy()
  })

  it('refuses an update the document would park (fail closed)', () => {
    const server = new Y.Doc()
    addThread(server, 't1', asa)
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    messages(client).push([message('r1', bo, 'Ett')])
    const skipped = Y.encodeStateVector(client)
    messages(client).push([message('r2', bo, 'Två')])
    expect(check(server, Y.encodeStateAsUpdate(client, skipped), bo)).toMatch(/kunde inte läsas/)
  })

  it('stays equal to the document through random interleaved edits of text and comments', () => {
    let seed = 7
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed % below
    }
    const server = new Y.Doc()
    server.getText('section:s1').insert(0, 'början')
    addThread(server, 't0', asa)
    const mirror = new CommentsMirror(server)
    const clients = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
    for (const client of clients) Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    for (let step = 0; step < 300; step++) {
      const client = clients[random(clients.length)]!
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)))
      const since = Y.encodeStateVector(client)
      const text = client.getText('section:s1')
      const threads = [...client.getMap('comments').keys()]
      const op = random(6)
      if (op === 0 || threads.length === 0) text.insert(random(text.length + 1), 'ord ')
      else if (op === 1 && text.length > 2) text.delete(random(text.length - 1), 2)
      else if (op === 2) addThread(client, `t${step}`, asa)
      else if (op === 3) messages(client, threads[random(threads.length)]).push([message(`m${step}`, asa, 'svar')])
      else if (op === 4) client.getMap('comments').delete(threads[random(threads.length)]!)
      else messages(client, threads[random(threads.length)]).delete(0, 1)
      const update = Y.encodeStateAsUpdate(client, since)
      // Every other update is checked first, as the guard does for comment updates.
      if (step % 2 === 0) expect(commentAuthorshipRefusal(mirror, update, { ...asa, role: 'coordinator' }, client)).toBeNull()
      Y.applyUpdate(server, update, client)
      const peek = mirror.tryUpdate(new Uint8Array([0, 0]), 'peek')
      Y.transact(server, () => undefined, 'peek')
      expect(peek?.comments.toJSON()).toEqual(server.getMap('comments').toJSON())
    }
    mirror.destroy()
  })
})

