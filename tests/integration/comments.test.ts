import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { newClient, typeParagraph, type TestClient } from '../utils/newClient.ts'
import { RawClient } from '../utils/rawClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { addThread, paragraphText } from '../utils/commentThread.ts'
import { waitFor } from '../utils/waitFor.ts'
// The client's own model, so the race below runs what the comments panel runs.
import { addReply, deleteMessage, readThreads } from '../../client/src/features/comments/model/comments.ts'

let server: TestServer
let fixture: Fixture
let editor: TestUser
let viewer: TestUser
let analyst: TestUser

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
  editor = await fixture.addMember('editor', 'Edit Editorsson')
  viewer = await fixture.addMember('viewer', 'Vera Viewer')
  analyst = await fixture.addMember('analyst', 'Anna Analys')
})
afterAll(() => server.stop())

const SENTENCE = 'Vi ska samverka kring unga vuxna i regionen'

/** The anchored text, or null when the anchor collapsed (detached). */
function anchoredText(doc: Y.Doc, threadId: string): string | null {
  const thread = doc.getMap('comments').get(threadId)
  if (!(thread instanceof Y.Map)) throw new Error('thread missing')
  const anchor = thread.get('anchor') as { start: Uint8Array; end: Uint8Array }
  const start = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(anchor.start), doc)
  const end = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(anchor.end), doc)
  if (!start || !end || start.type !== end.type || end.index <= start.index) return null
  return (start.type as Y.XmlText).toString().slice(start.index, end.index)
}

describe('comments anchored in section text', () => {
  let a: TestClient
  let b: TestClient
  const section = () => fixture.sections[0]!.id

  it('an anchor follows concurrent edits before and inside the commented words, the same on both clients', async () => {
    a = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    b = await newClient(server.wsUrl, fixture.documentId, editor.token)
    typeParagraph(a.doc, section(), SENTENCE)
    await waitFor(() => b.text(section()).includes(SENTENCE), 'B has the sentence')

    // Concurrently: A comments, B edits before and inside the words, without seeing each other's change first.
    a.provider.disconnect()
    b.provider.disconnect()
    addThread(a.doc, 't1', section(), paragraphText(a.doc, section(), SENTENCE), 'unga vuxna', fixture.coordinator, 'Vilken ålder?')
    const bText = paragraphText(b.doc, section(), SENTENCE)
    bText.insert(0, 'Tillsammans: ')
    bText.insert(bText.toString().indexOf('vuxna'), 'och äldre ')
    a.provider.connect()
    b.provider.connect()

    await waitFor(() => a.doc.getMap('comments').has('t1') && b.doc.getMap('comments').has('t1'), 'thread synced')
    await waitFor(() => a.text(section()) === b.text(section()) && a.text(section()).includes('Tillsammans'), 'text converged')
    const onA = anchoredText(a.doc, 't1')
    const onB = anchoredText(b.doc, 't1')
    expect(onA).toBe('unga och äldre vuxna')
    expect(onB).toBe(onA)
  })

  it("refuses a viewer's comment (4403) and accepts an analyst's on a locked section", async () => {
    const raw = await RawClient.connect(server.wsUrl, fixture.documentId, viewer.token)
    await raw.waitSynced()
    raw.edit((doc) => addThread(doc, 'viewer-thread', section(), paragraphText(doc, section(), 'i regionen'), 'regionen', viewer, 'från läsaren'))
    expect(await raw.waitClosed()).toBe(4403)
    raw.close()

    const lock = await call(server.url, 'POST', `/api/documents/${fixture.documentId}/sections/${section()}/lock`, fixture.coordinator.token, { reason: 'Granskning' })
    expect(lock.status).toBe(200)
    const analystClient = await RawClient.connect(server.wsUrl, fixture.documentId, analyst.token)
    await analystClient.waitSynced()
    analystClient.edit((doc) => addThread(doc, 'analyst-thread', section(), paragraphText(doc, section(), 'i regionen'), 'regionen', analyst, 'Vilken region?'))
    await waitFor(() => a.doc.getMap('comments').has('analyst-thread'), 'analyst comment reaches A')
    expect(analystClient.closeCode).toBeUndefined()
    expect(a.doc.getMap('comments').has('viewer-thread')).toBe(false)
    expect(anchoredText(a.doc, 'analyst-thread')).toBe('regionen')
    analystClient.close()
    const unlock = await call(server.url, 'DELETE', `/api/documents/${fixture.documentId}/sections/${section()}/lock`, fixture.coordinator.token)
    expect(unlock.status).toBeLessThan(300)
  })

  it('deleting the commented words keeps the thread, detached', async () => {
    const text = paragraphText(b.doc, section(), 'i regionen')
    const from = text.toString().indexOf('unga')
    const to = text.toString().indexOf('vuxna') + 'vuxna'.length
    text.delete(from, to - from)
    await waitFor(() => !a.text(section()).includes('vuxna'), 'deletion synced')
    for (const client of [a, b]) {
      expect(client.doc.getMap('comments').has('t1')).toBe(true)
      expect(anchoredText(client.doc, 't1')).toBeNull()
    }
    expect(anchoredText(a.doc, 'analyst-thread')).toBe('regionen')
    a.destroy()
    b.destroy()
  })
})

describe('the server enforces who wrote a comment', () => {
  const section = () => fixture.sections[1]!.id
  const AUTHORSHIP_TEXT = 'Budgeten omfattar tre år'

  /** A raw client of `user`, synced; the section has the paragraph to comment on. */
  async function rawAs(user: TestUser): Promise<RawClient> {
    const raw = await RawClient.connect(server.wsUrl, fixture.documentId, user.token)
    await raw.waitSynced()
    return raw
  }
  const textOf = (doc: Y.Doc) => paragraphText(doc, section(), AUTHORSHIP_TEXT)
  const messagesOf = (doc: Y.Doc, threadId: string) => (doc.getMap('comments').get(threadId) as Y.Map<unknown>).get('messages') as Y.Array<Y.Map<unknown>>
  /** Waits until `observer` (synced with the server) sees `condition` hold. */
  const seen = (observer: RawClient, condition: (doc: Y.Doc) => boolean, what: string) => waitFor(() => condition(observer.doc), what)

  let observer: RawClient

  beforeAll(async () => {
    observer = await rawAs(fixture.coordinator)
    observer.edit((doc) => typeParagraph(doc, section(), AUTHORSHIP_TEXT))
    const author = await rawAs(editor)
    author.edit((doc) => addThread(doc, 'editor-thread', section(), textOf(doc), 'tre år', editor, 'Räcker tre år?'))
    await seen(observer, (doc) => doc.getMap('comments').has('editor-thread'), 'editor thread stored')
    expect(author.closeCode).toBeUndefined()
    author.close()
  })
  afterAll(() => observer.close())

  it("refuses an editor's comment in another user's name (4403); it is not stored", async () => {
    const forger = await rawAs(editor)
    forger.edit((doc) => addThread(doc, 'forged-thread', section(), textOf(doc), 'Budgeten', analyst, 'Jag är analytikern'))
    expect(await forger.waitClosed()).toBe(4403)
    const forgedReply = await rawAs(editor)
    forgedReply.edit((doc) => {
      const reply = new Y.Map<unknown>()
      reply.set('id', 'forged-reply')
      reply.set('authorId', fixture.coordinator.id)
      reply.set('authorName', fixture.coordinator.name)
      reply.set('body', 'Godkänt av samordnaren')
      reply.set('at', Date.now())
      messagesOf(doc, 'editor-thread').push([reply])
    })
    expect(await forgedReply.waitClosed()).toBe(4403)

    await server.crashAndRestart()
    const fresh = await rawAs(fixture.coordinator)
    expect(fresh.doc.getMap('comments').has('editor-thread')).toBe(true)
    expect(fresh.doc.getMap('comments').has('forged-thread')).toBe(false)
    expect(messagesOf(fresh.doc, 'editor-thread').toArray().map((message) => message.get('id'))).toEqual(['editor-thread-1'])
    fresh.close()
    observer = await rawAs(fixture.coordinator)
  })

  it("refuses editing someone else's message and accepts editing one's own", async () => {
    const other = await rawAs(analyst)
    other.edit((doc) => messagesOf(doc, 'editor-thread').get(0).set('body', 'Ändrat av analytikern'))
    expect(await other.waitClosed()).toBe(4403)

    const own = await rawAs(editor)
    own.edit((doc) => messagesOf(doc, 'editor-thread').get(0).set('body', 'Räcker verkligen tre år?'))
    await seen(observer, (doc) => messagesOf(doc, 'editor-thread').get(0).get('body') === 'Räcker verkligen tre år?', 'own edit stored')
    expect(own.closeCode).toBeUndefined()
    own.close()
  })

  it('lets any commenter resolve a thread, and a coordinator delete any message', async () => {
    const resolver = await rawAs(analyst)
    resolver.edit((doc) => (doc.getMap('comments').get('editor-thread') as Y.Map<unknown>).set('resolved', true))
    await seen(observer, (doc) => (doc.getMap('comments').get('editor-thread') as Y.Map<unknown>).get('resolved') === true, 'resolved')
    expect(resolver.closeCode).toBeUndefined()
    resolver.close()

    const moderator = await rawAs(fixture.coordinator)
    moderator.edit((doc) => {
      messagesOf(doc, 'editor-thread').delete(0, 1)
      doc.getMap('comments').delete('editor-thread')
    })
    await seen(observer, (doc) => !doc.getMap('comments').has('editor-thread'), 'thread deleted by the coordinator')
    expect(moderator.closeCode).toBeUndefined()
    moderator.close()
  })
})

describe('a message or thread is the item it was written as, not a copy of its value', () => {
  const section = () => fixture.sections[2]!.id
  const messagesOf = (doc: Y.Doc, threadId: string) => (doc.getMap('comments').get(threadId) as Y.Map<unknown>).get('messages') as Y.Array<Y.Map<unknown>>
  const idsOf = (doc: Y.Doc, threadId: string) => messagesOf(doc, threadId).map((message) => message.get('id'))
  async function rawAs(user: TestUser): Promise<RawClient> {
    const raw = await RawClient.connect(server.wsUrl, fixture.documentId, user.token)
    await raw.waitSynced()
    return raw
  }
  /** A new Y.Map holding what `map` holds, nested lists of maps copied too. */
  function copyOf(map: Y.Map<unknown>): Y.Map<unknown> {
    const copy = new Y.Map<unknown>()
    for (const [key, value] of map.entries()) {
      copy.set(key, value instanceof Y.Array ? Y.Array.from(value.toArray().map((entry) => (entry instanceof Y.Map ? copyOf(entry) : entry))) : value)
    }
    return copy
  }

  let editorClient: TestClient
  beforeAll(async () => {
    // The editor's thread on the stock provider, and the analyst's reply.
    editorClient = await newClient(server.wsUrl, fixture.documentId, editor.token)
    addThread(editorClient.doc, 'copied', section(), null, 'citat', editor, 'Första versionen')
    const replier = await rawAs(analyst)
    await waitFor(() => replier.doc.getMap('comments').has('copied'), 'thread reaches the analyst')
    replier.edit((doc) => {
      const reply = new Y.Map<unknown>()
      for (const [key, value] of Object.entries({ id: 'copied-reply', authorId: analyst.id, authorName: analyst.name, body: 'Mitt svar', at: Date.now() })) reply.set(key, value)
      messagesOf(doc, 'copied').push([reply])
    })
    await waitFor(() => messagesOf(editorClient.doc, 'copied').length === 2, 'reply reaches the editor')
    replier.close()
  })
  afterAll(() => editorClient.destroy())

  it("refuses deleting someone else's message and writing a copy back (4403), moved or in place; the author's later correction is kept", async () => {
    for (const place of ['end', 'same'] as const) {
      const forger = await rawAs(analyst)
      forger.edit((doc) => {
        const messages = messagesOf(doc, 'copied')
        const copy = copyOf(messages.get(0))
        messages.delete(0, 1)
        messages.insert(place === 'end' ? messages.length : 0, [copy])
      })
      expect(await forger.waitClosed()).toBe(4403)
    }
    // Its text written again unchanged: Yjs orders concurrent writes by client id, so about half the
    // time that write wins over an edit the editor makes meanwhile, and the old text stays.
    const pinner = await rawAs(analyst)
    pinner.edit((doc) => messagesOf(doc, 'copied').get(0).set('body', 'Första versionen'))
    expect(await pinner.waitClosed()).toBe(4403)

    // Offline, the editor corrects the message; sent on reconnecting, it must land on the message everyone has.
    editorClient.provider.disconnect()
    editorClient.doc.transact(() => {
      messagesOf(editorClient.doc, 'copied').get(0).set('body', 'Rättad version')
      messagesOf(editorClient.doc, 'copied').get(0).set('editedAt', Date.now())
    })
    editorClient.provider.connect()
    const observer = await rawAs(fixture.coordinator)
    await waitFor(() => messagesOf(observer.doc, 'copied').get(0)?.get('body') === 'Rättad version', 'correction reaches the coordinator')
    expect(idsOf(observer.doc, 'copied')).toEqual(['copied-1', 'copied-reply'])
    expect(editorClient.closes.filter((code) => code >= 4000)).toEqual([])
    observer.close()
  })

  it('refuses writing a thread again under its key, as a copy or in its creator’s name (4403)', async () => {
    const itemOf = (doc: Y.Doc) => (doc.getMap('comments').get('copied') as Y.Map<unknown>)._item?.id
    const original = itemOf(editorClient.doc)
    const copier = await rawAs(analyst)
    copier.edit((doc) => doc.getMap('comments').set('copied', copyOf(doc.getMap('comments').get('copied') as Y.Map<unknown>)))
    expect(await copier.waitClosed()).toBe(4403)

    // A coordinator may delete the thread, but not put one of their own in its place under the editor's name.
    const moderator = await rawAs(fixture.coordinator)
    moderator.edit((doc) => {
      const old = doc.getMap('comments').get('copied') as Y.Map<unknown>
      const replacement = new Y.Map<unknown>()
      for (const key of ['sectionId', 'anchor', 'quote', 'resolved', 'createdBy', 'createdAt']) replacement.set(key, old.get(key))
      const message = new Y.Map<unknown>()
      for (const [key, value] of Object.entries({ id: 'by-the-coordinator', authorId: fixture.coordinator.id, authorName: fixture.coordinator.name, body: 'Ny text', at: Date.now() })) message.set(key, value)
      replacement.set('messages', Y.Array.from([message]))
      doc.getMap('comments').set('copied', replacement)
    })
    expect(await moderator.waitClosed()).toBe(4403)

    const fresh = await rawAs(fixture.coordinator)
    expect(itemOf(fresh.doc)).toEqual(original)
    expect(idsOf(fresh.doc, 'copied')).toEqual(['copied-1', 'copied-reply'])
    fresh.close()
  })
})

describe('deleting one’s only message while someone replies', () => {
  const section = () => fixture.sections[3]?.id ?? fixture.sections[0]!.id

  it('is never refused: the message goes, the thread stays with the concurrent reply, on both clients and the server', async () => {
    const author = await newClient(server.wsUrl, fixture.documentId, analyst.token)
    const replier = await newClient(server.wsUrl, fixture.documentId, editor.token)
    const observer = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await observer.waitSynced()
    addThread(author.doc, 'race', section(), null, '', analyst, 'Min enda kommentar')
    await waitFor(() => readThreads(replier.doc).some((thread) => thread.id === 'race'), 'the thread reaches the editor')

    // The editor's reply reaches the server before the analyst's deletion, which she makes unaware of it.
    author.provider.disconnect()
    const reply = addReply(replier.doc, 'race', { id: editor.id, name: editor.name }, 'Ett svar i samma stund')
    await waitFor(() => readThreads(observer.doc).some((thread) => thread.messages.length === 2), 'the reply is stored')
    // The client's own delete: before, it removed the whole thread with it.
    expect(deleteMessage(author.doc, 'race', 'race-1')).toBe(true)
    author.provider.connect()

    const messageIds = (doc: Y.Doc) => readThreads(doc).find((thread) => thread.id === 'race')?.messages.map((message) => message.id)
    const refused = () => [...author.closes, ...replier.closes].some((code) => code >= 4000) || observer.closeCode !== undefined
    await waitFor(() => refused() || [author.doc, replier.doc, observer.doc].every((doc) => messageIds(doc)?.join() === reply), 'the deletion is stored')
    expect(author.closes.filter((code) => code >= 4000)).toEqual([])
    expect(replier.closes.filter((code) => code >= 4000)).toEqual([])
    expect(messageIds(observer.doc)).toEqual([reply])
    author.destroy()
    replier.destroy()
    observer.close()
  })
})
