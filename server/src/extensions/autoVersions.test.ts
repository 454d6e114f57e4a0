import { REMOTE_ORIGIN, type Connection, type Room } from '@samskriv/collab'
import { instantiateTemplate, Root } from '@samskriv/schema'
import { openSqlite, SqliteVersionStore } from '@samskriv/storage'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { ClientAuthors } from '../services/versionsAuthors.ts'
import { docOfSnapshot, recordVersion } from '../services/versions.ts'
import { autoVersions, reviewName } from './autoVersions.ts'

const template = {
  id: 't',
  version: 1,
  title: 'Mall',
  sections: [
    { key: 'a', title: 'Problem', guidance: '', charLimit: null, required: true },
    { key: 'b', title: 'Mål', guidance: '', charLimit: null, required: false },
  ],
}

afterEach(() => vi.useRealTimers())

/**
 * The extension against a real version store and a document; `edit` runs a change and the hook as
 * the room would. Review versions are unpaced (`reviewIntervalMs` 0) unless a test asks.
 */
function setUp(intervalMs = 60_000, keepPeriodic?: number, reviewIntervalMs = 0) {
  const db = openSqlite(':memory:')
  const versions = new SqliteVersionStore(db)
  const doc = new Y.Doc()
  let n = 0
  instantiateTemplate(doc, template, 'Ansökan', () => `s${++n}`)
  const room = { documentId: 'd1', doc, read: async (read: (doc: Y.Doc) => unknown) => read(doc) } as unknown as Room
  const clientAuthors = new ClientAuthors()
  const extension = autoVersions(versions, { intervalMs, keepPeriodic, clientAuthors, reviewIntervalMs })
  extension.onLoadDocument?.({ room, doc })
  const as = (userId: string) => ({ context: { userId, name: userId.toUpperCase() } }) as unknown as Connection
  return {
    versions,
    extension,
    room,
    clientAuthors,
    async edit(change: (doc: Y.Doc) => void, authors: Connection[]) {
      change(doc)
      await extension.afterStoreUpdate?.({ room, update: new Uint8Array(), authors })
    },
    /** Delivers client updates as the room does: each checked and applied, then the batch stored. */
    async deliver(updates: Array<[Connection, Uint8Array]>) {
      for (const [connection, update] of updates) {
        extension.beforeApplyUpdate?.({ room, connection, update })
        Y.applyUpdate(doc, update, connection)
      }
      await extension.afterStoreUpdate?.({ room, update: new Uint8Array(), authors: [...new Set(updates.map(([connection]) => connection))] })
    },
    as,
    close: () => db.close(),
  }
}

/** An update that writes `text` from a client with the given Yjs client id, on top of `base`. */
function written(base: Y.Doc, clientId: number, text: string): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(base))
  // Set after loading: Yjs would otherwise pick a fresh id on seeing its own in the update (a
  // forged update is written by hand, not by a well-behaved Y.Doc).
  client.clientID = clientId
  const before = Y.encodeStateVector(client)
  client.getXmlFragment('section:s1').push([new Y.XmlText(text)])
  return Y.encodeStateAsUpdate(client, before)
}

const setStatus = (sectionId: string, status: string) => (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(Root.sections).get(sectionId)?.set('status', status)
const write = (text: string) => (doc: Y.Doc) => doc.getXmlFragment('section:s1').push([new Y.XmlText(text)])
const setAll = (status: string) => (doc: Y.Doc) => doc.transact(() => ['s1', 's2'].forEach((id) => setStatus(id, status)(doc)))

describe('autoVersions', () => {
  it('makes one review version when a section becomes ready for review, credited to the writer', async () => {
    const { versions, edit, as, close } = setUp()
    await edit(setStatus('s2', 'klar-for-granskning'), [as('u1')])
    await edit(write('mer'), [as('u2')])
    await edit(setStatus('s2', 'klar-for-granskning'), [as('u2')])
    expect(await versions.listVersions('d1')).toMatchObject([{ kind: 'review', name: 'Mål', createdBy: 'u1' }])
    // Back to draft and ready again: a second review round, a second version.
    await edit(setStatus('s2', 'utkast'), [as('u1')])
    await edit(setStatus('s2', 'klar-for-granskning'), [])
    expect((await versions.listVersions('d1')).map((v) => [v.kind, v.createdBy])).toEqual([
      ['review', null],
      ['review', 'u1'],
    ])
    close()
  })

  it('makes one review version for all the sections one update makes ready', async () => {
    const { versions, edit, as, close } = setUp()
    await edit(setAll('klar-for-granskning'), [as('u1')])
    expect(await versions.listVersions('d1')).toMatchObject([{ kind: 'review', name: 'Problem, Mål', createdBy: 'u1' }])
    expect(reviewName(['A', 'B', 'C', 'D', 'E'])).toBe('A, B +3')
    close()
  })

  it('makes at most one review version per window; sections made ready meanwhile get one at its end, with the text then', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    const { versions, edit, as, close } = setUp(10 * 60_000, undefined, 60_000)
    const textOf = async (id: string) => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, (await versions.findVersion('d1', id))!.snapshot)
      return doc.getXmlFragment('section:s1').toString()
    }
    await edit(setStatus('s1', 'klar-for-granskning'), [as('u1')])
    // Flipped back and forth within the window: nothing more is stored meanwhile.
    for (let flip = 0; flip < 5; flip++) {
      await edit(setAll('utkast'), [as('flipper')])
      await edit(setAll('klar-for-granskning'), [as('flipper')])
    }
    // A real writer's text and "ready" inside the window.
    await edit(write('Granska detta.'), [as('u2')])
    await edit(setStatus('s2', 'utkast'), [as('u2')])
    await edit(setStatus('s2', 'klar-for-granskning'), [as('u2')])
    expect(await versions.listVersions('d1')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(60_000)
    await vi.waitFor(async () => expect(await versions.listVersions('d1')).toHaveLength(2))
    const [late] = await versions.listVersions('d1')
    expect(late).toMatchObject({ kind: 'review', name: 'Problem, Mål', createdBy: 'u2' })
    expect(await textOf(late!.id)).toContain('Granska detta.')
    close()
  })

  it('stores no pending review version when the newest version already holds the state, and stores one when the room leaves memory', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    const { versions, extension, edit, room, as, close } = setUp(10 * 60_000, undefined, 60_000)
    await edit(setStatus('s1', 'klar-for-granskning'), [as('u1')])
    await edit(setStatus('s2', 'klar-for-granskning'), [as('u1')])
    // A coordinator's lock version of the very state the pending review would hold.
    await recordVersion(versions, 'd1', room.doc, { kind: 'lock', name: 'Mål', createdBy: 'u0' })
    await vi.advanceTimersByTimeAsync(60_000)
    expect((await versions.listVersions('d1')).map((v) => v.kind)).toEqual(['lock', 'review'])
    // Made ready within the next window, then everyone leaves: stored as the room goes, not lost.
    await edit(setStatus('s1', 'utkast'), [as('u1')])
    await edit(setStatus('s1', 'klar-for-granskning'), [as('u3')])
    expect(await versions.listVersions('d1')).toHaveLength(2)
    extension.onUnload?.({ room })
    await vi.waitFor(async () => expect(await versions.listVersions('d1')).toHaveLength(3))
    expect((await versions.listVersions('d1'))[0]).toMatchObject({ kind: 'review', name: 'Problem', createdBy: 'u3' })
    // The window outlives the room: reopening does not reopen it.
    extension.onLoadDocument?.({ room, doc: room.doc })
    await edit(setStatus('s1', 'utkast'), [as('u1')])
    await edit(setStatus('s1', 'klar-for-granskning'), [as('u1')])
    expect(await versions.listVersions('d1')).toHaveLength(3)
    close()
  })

  it('notices a section becoming ready in a new document object, as a room has after hibernating', async () => {
    const { versions, extension, room, as, close } = setUp()
    const store = async (doc: Y.Doc) => {
      ;(room as unknown as { doc: Y.Doc }).doc = doc
      await extension.afterStoreUpdate?.({ room, update: new Uint8Array(), authors: [as('u1')] })
    }
    await store(room.doc)
    // Woken from its encoded state: the same content in a new Y.Doc, announced before any change.
    const woken = new Y.Doc()
    Y.applyUpdate(woken, Y.encodeStateAsUpdate(room.doc))
    extension.onWake?.({ room, doc: woken })
    setStatus('s1', 'klar-for-granskning')(woken)
    await store(woken)
    expect((await versions.listVersions('d1')).map((v) => v.name)).toEqual(['Problem'])
    await store(woken)
    setStatus('s2', 'klar-for-granskning')(woken)
    await store(woken)
    expect((await versions.listVersions('d1')).map((v) => [v.kind, v.name])).toEqual([
      ['review', 'Mål'],
      ['review', 'Problem'],
    ])
    close()
  })

  it('reads the statuses of a document object it was never told of, rather than miss a change', async () => {
    const { versions, extension, room, as, close } = setUp()
    const unannounced = new Y.Doc()
    Y.applyUpdate(unannounced, Y.encodeStateAsUpdate(room.doc))
    setStatus('s1', 'klar-for-granskning')(unannounced)
    ;(room as unknown as { doc: Y.Doc }).doc = unannounced
    await extension.afterStoreUpdate?.({ room, update: new Uint8Array(), authors: [as('u1')] })
    expect((await versions.listVersions('d1')).map((v) => v.name)).toEqual(['Problem'])
    close()
  })

  it('makes no review version for a status another instance stored: that instance made it', async () => {
    const { versions, extension, edit, room, as, close } = setUp()
    const remotely = (change: (doc: Y.Doc) => void, doc = room.doc) => Y.transact(doc, () => change(doc), REMOTE_ORIGIN)
    remotely(setStatus('s1', 'klar-for-granskning'))
    await edit(write('x'), [as('u2')])
    // The same after the room hibernated and woke: the change arrives in the new Y.Doc.
    const woken = new Y.Doc()
    Y.applyUpdate(woken, Y.encodeStateAsUpdate(room.doc))
    ;(room as unknown as { doc: Y.Doc }).doc = woken
    extension.onWake?.({ room, doc: woken })
    remotely(setStatus('s2', 'klar-for-granskning'), woken)
    await extension.afterStoreUpdate?.({ room, update: new Uint8Array(), authors: [as('u2')] })
    expect(await versions.listVersions('d1')).toEqual([])
    // A change made here still counts.
    for (const status of ['utkast', 'klar-for-granskning']) {
      setStatus('s1', status)(woken)
      await extension.afterStoreUpdate?.({ room, update: new Uint8Array(), authors: [as('u2')] })
    }
    expect((await versions.listVersions('d1')).map((v) => [v.kind, v.name])).toEqual([['review', 'Problem']])
    close()
  })

  it('lets another instance’s change to an old room that is still unloading leave the new room’s baseline alone', async () => {
    const { versions, extension, room, as, close } = setUp()
    const newer = new Y.Doc()
    Y.applyUpdate(newer, Y.encodeStateAsUpdate(room.doc))
    const reopened = { documentId: 'd1', doc: newer } as unknown as Room
    extension.onLoadDocument?.({ room: reopened, doc: newer })
    // The old room takes in what other instances stored (a shared compaction while it unloads).
    Y.transact(room.doc, () => setStatus('s1', 'klar-for-granskning')(room.doc), REMOTE_ORIGIN)
    setStatus('s1', 'klar-for-granskning')(newer)
    await extension.afterStoreUpdate?.({ room: reopened, update: new Uint8Array(), authors: [as('u1')] })
    expect((await versions.listVersions('d1')).map((v) => v.name)).toEqual(['Problem'])
    close()
  })

  it('still counts a change made here that another instance’s change overtook before it was stored', async () => {
    const { versions, extension, room, as, close } = setUp()
    // Applied here (its batch not yet stored), then another instance's change to another section.
    setStatus('s1', 'klar-for-granskning')(room.doc)
    Y.transact(room.doc, () => setStatus('s2', 'klar-for-granskning')(room.doc), REMOTE_ORIGIN)
    await extension.afterStoreUpdate?.({ room, update: new Uint8Array(), authors: [as('u1')] })
    expect((await versions.listVersions('d1')).map((v) => v.name)).toEqual(['Problem'])
    close()
  })

  it('takes at most one periodic version per interval, only for client edits, from the first edit on', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z'), toFake: ['Date'] })
    const { versions, edit, as, close } = setUp(10 * 60_000)
    await edit(write('a'), [as('u1')])
    vi.setSystemTime(new Date('2026-01-01T10:09:00Z'))
    await edit(write('b'), [as('u1')])
    expect(await versions.listVersions('d1')).toEqual([])
    vi.setSystemTime(new Date('2026-01-01T10:10:00Z'))
    await edit(write('c'), [])
    expect(await versions.listVersions('d1')).toEqual([])
    await edit(write('d'), [as('u1'), as('u2')])
    vi.setSystemTime(new Date('2026-01-01T10:15:00Z'))
    await edit(write('e'), [as('u1')])
    const list = await versions.listVersions('d1')
    expect(list).toMatchObject([{ kind: 'periodic', createdBy: 'u2' }])
    close()
  })

  it('takes no periodic copy of the state a review version was just taken of: the review begins the next period', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z'), toFake: ['Date'] })
    const { versions, edit, as, close } = setUp(60_000)
    await edit(write('a'), [as('u1')])
    vi.setSystemTime(new Date('2026-01-01T10:01:00Z'))
    await edit(setStatus('s1', 'klar-for-granskning'), [as('u1')])
    expect((await versions.listVersions('d1')).map((v) => v.kind)).toEqual(['review'])
    vi.setSystemTime(new Date('2026-01-01T10:02:00Z'))
    await edit(write('b'), [as('u1')])
    expect((await versions.listVersions('d1')).map((v) => v.kind)).toEqual(['periodic', 'review'])
    close()
  })

  it('keeps only the newest periodic versions, never thinning the other kinds', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z'), toFake: ['Date'] })
    const { versions, edit, as, close } = setUp(60_000, 2)
    await edit(setStatus('s2', 'klar-for-granskning'), [as('u1')])
    for (let minute = 1; minute <= 5; minute++) {
      vi.setSystemTime(new Date(`2026-01-01T10:0${minute}:00Z`))
      await edit(write(`r${minute}`), [as('u1')])
    }
    const list = await versions.listVersions('d1')
    expect(list.map((v) => v.kind)).toEqual(['periodic', 'periodic', 'review'])
    // The two kept are the newest: they hold the last two edits.
    const textOf = async (id: string) => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, (await versions.findVersion('d1', id))!.snapshot)
      return doc.getXmlFragment('section:s1').toString()
    }
    expect(await textOf(list[0]!.id)).toBe('r1r2r3r4r5')
    expect(await textOf(list[1]!.id)).toBe('r1r2r3r4')
    close()
  })

  it('credits a client id to the user whose connection first delivered new items under it', async () => {
    const { deliver, room, clientAuthors, as, close } = setUp()
    const [u1, u2] = [as('u1'), as('u2')]
    await deliver([[u1, written(room.doc, 101, 'Åsas text')]])
    await deliver([[u2, written(room.doc, 202, 'Bos text')]])
    expect(clientAuthors.authorOf('d1', 101)).toEqual({ userId: 'u1', name: 'U1' })
    expect(clientAuthors.authorOf('d1', 202)).toEqual({ userId: 'u2', name: 'U2' })
    // Relaying items the server already has (a resync after reconnecting) binds nothing.
    const everything = Y.encodeStateAsUpdate(room.doc)
    await deliver([[u2, everything]])
    expect(clientAuthors.authorOf('d1', 101)).toEqual({ userId: 'u1', name: 'U1' })
    close()
  })

  it('credits nobody for a client id another user also wrote under, so text cannot be passed off as someone else’s', async () => {
    const { deliver, extension, room, clientAuthors, as, close } = setUp()
    const [u1, u2] = [as('u1'), as('u2')]
    await deliver([[u1, written(room.doc, 101, 'Åsas text')]])
    // u2 writes new items under u1's client id: the id is contested, for good.
    await deliver([[u2, written(room.doc, 101, 'påhittat')]])
    expect(clientAuthors.authorOf('d1', 101)).toBeUndefined()
    await deliver([[u1, written(room.doc, 101, 'mer')]])
    expect(clientAuthors.authorOf('d1', 101)).toBeUndefined()
    // An update checked but then refused (its connection is not among the batch's authors) credits nobody.
    const refused = as('u3')
    extension.beforeApplyUpdate?.({ room, connection: refused, update: written(room.doc, 303, 'avvisad') })
    await deliver([[u1, written(room.doc, 404, 'ok')]])
    expect(clientAuthors.authorOf('d1', 303)).toBeUndefined()
    expect(clientAuthors.authorOf('d1', 404)).toEqual({ userId: 'u1', name: 'U1' })
    close()
  })

  it('forgets a document’s editing period when its room leaves memory, but not a newer room’s', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z'), toFake: ['Date'] })
    const { versions, extension, deliver, edit, room, clientAuthors, as, close } = setUp(60_000)
    await deliver([[as('u1'), written(room.doc, 101, 'text')]])
    extension.onUnload?.({ room })
    // Who wrote outlives the room: history is read after everyone left.
    expect(clientAuthors.authorOf('d1', 101)).toEqual({ userId: 'u1', name: 'U1' })

    // Reopened: a fresh room; an old room's late unload leaves the new one's state alone.
    const reopened = { documentId: 'd1', doc: room.doc } as unknown as Room
    extension.onLoadDocument?.({ room: reopened, doc: room.doc })
    await edit(write('a'), [as('u1')])
    extension.onUnload?.({ room })
    vi.setSystemTime(new Date('2026-01-01T10:01:00Z'))
    await extension.afterStoreUpdate?.({ room: reopened, update: new Uint8Array(), authors: [as('u1')] })
    // The period begun before the stale unload still counts: its periodic version is due.
    expect((await versions.listVersions('d1')).map((v) => v.kind)).toEqual(['periodic'])

    // Unloaded for real: the editing period is forgotten with it, so the next edit starts a new one.
    extension.onUnload?.({ room: reopened })
    vi.setSystemTime(new Date('2026-01-01T10:05:00Z'))
    await extension.afterStoreUpdate?.({ room: reopened, update: new Uint8Array(), authors: [as('u1')] })
    expect(await versions.listVersions('d1')).toHaveLength(1)
    close()
  })

  it('stores a review waiting for its window, and a server started after a crash makes its version when it loads the document', async () => {
    const { versions, edit, room, as, close } = setUp(10 * 60_000, undefined, 60_000)
    await edit(setStatus('s1', 'klar-for-granskning'), [as('u1')])
    await edit(write('Klar före kraschen.'), [as('u2')])
    await edit(setStatus('s2', 'klar-for-granskning'), [as('u2')])
    // Stored before the room takes its next batch (the hook resolved).
    expect(await versions.findPendingReview('d1')).toMatchObject({ sections: [{ id: 's2', title: 'Mål' }], createdBy: 'u2' })
    expect(await versions.listVersions('d1')).toHaveLength(1)

    // Killed: the timer is gone with the process. A new one loads what was stored.
    const restarted = autoVersions(versions, { intervalMs: 10 * 60_000, reviewIntervalMs: 60_000 })
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
    const reloaded = { documentId: 'd1', doc } as unknown as Room
    await restarted.beforeLoadDocument?.({ room: reloaded })
    restarted.onLoadDocument?.({ room: reloaded, doc })
    await restarted.onDestroy?.()
    const [made] = await versions.listVersions('d1')
    expect(made).toMatchObject({ kind: 'review', name: 'Mål', createdBy: 'u2' })
    expect(docOfSnapshot((await versions.findVersion('d1', made!.id))!.snapshot).getXmlFragment('section:s1').toString()).toContain('Klar före kraschen.')
    expect(await versions.findPendingReview('d1')).toBeUndefined()
    // Made once: loading the document again finds nothing left to do, and the window is closed.
    await restarted.beforeLoadDocument?.({ room: reloaded })
    restarted.onLoadDocument?.({ room: reloaded, doc })
    doc.getMap<Y.Map<unknown>>(Root.sections).get('s1')?.set('status', 'utkast')
    await restarted.afterStoreUpdate?.({ room: reloaded, update: new Uint8Array(), authors: [as('u1')] })
    doc.getMap<Y.Map<unknown>>(Root.sections).get('s1')?.set('status', 'klar-for-granskning')
    await restarted.afterStoreUpdate?.({ room: reloaded, update: new Uint8Array(), authors: [as('u1')] })
    await restarted.onDestroy?.()
    expect(await versions.listVersions('d1')).toHaveLength(2)
    expect(await versions.findPendingReview('d1')).toMatchObject({ sections: [{ id: 's1', title: 'Problem' }], createdBy: 'u1' })
    restarted.onUnload?.({ room: reloaded })
    await restarted.onDestroy?.()
    expect(await versions.listVersions('d1')).toHaveLength(3)
    expect(await versions.findPendingReview('d1')).toBeUndefined()
    close()
  })

  it('on shutdown, resolves once the review versions the unloads began are stored, and leaves no record behind', async () => {
    const { versions, extension, edit, room, as, close } = setUp(10 * 60_000, undefined, 60_000)
    await edit(setStatus('s1', 'klar-for-granskning'), [as('u1')])
    await edit(setStatus('s2', 'klar-for-granskning'), [as('u3')])
    extension.onUnload?.({ room })
    await extension.onDestroy?.()
    expect(await versions.listVersions('d1')).toHaveLength(2)
    expect((await versions.listVersions('d1'))[0]).toMatchObject({ kind: 'review', name: 'Mål', createdBy: 'u3' })
    expect(await versions.findPendingReview('d1')).toBeUndefined()
    close()
  })
})
