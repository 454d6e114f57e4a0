import type { Connection, Room } from '@samskriv/collab'
import { instantiateTemplate, Root } from '@samskriv/schema'
import { openSqlite, SqliteVersionStore } from '@samskriv/storage'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { autoVersions } from './autoVersions.ts'

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

/** The extension against a real version store and a document; `edit` runs a change and the hook as the room would. */
function setUp(intervalMs = 60_000) {
  const db = openSqlite(':memory:')
  const versions = new SqliteVersionStore(db)
  const doc = new Y.Doc()
  let n = 0
  instantiateTemplate(doc, template, 'Ansökan', () => `s${++n}`)
  const room = { documentId: 'd1', doc } as unknown as Room
  const extension = autoVersions(versions, { intervalMs })
  extension.onLoadDocument?.({ room, doc })
  const as = (userId: string) => ({ context: { userId } }) as unknown as Connection
  return {
    versions,
    async edit(change: (doc: Y.Doc) => void, authors: Connection[]) {
      change(doc)
      await extension.afterStoreUpdate?.({ room, update: new Uint8Array(), authors })
    },
    as,
    close: () => db.close(),
  }
}

const setStatus = (sectionId: string, status: string) => (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(Root.sections).get(sectionId)?.set('status', status)
const write = (text: string) => (doc: Y.Doc) => doc.getXmlFragment('section:s1').push([new Y.XmlText(text)])

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
})
