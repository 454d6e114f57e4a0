import { Room } from '@samskriv/collab'
import { instantiateTemplate, readSections, Root, sectionPlainText, sectionRoot } from '@samskriv/schema'
import { MemoryDocumentStore, openSqlite, SqliteVersionStore, type VersionStore } from '@samskriv/storage'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ApiError } from '../http/ApiError.ts'
import { docOfSnapshot, recordVersion } from './versions.ts'
import { readVersionContent } from './versionsContent.ts'
import { diffSections, diffText } from './versionsDiff.ts'
import { attributedSectionText } from './versionsText.ts'
import { restoreSection, restoreVersion, sectionDiffers } from './versionsRestore.ts'

const template = {
  id: 't',
  version: 1,
  title: 'Mall',
  sections: [
    { key: 'a', title: 'Problem', guidance: '', charLimit: null, required: true },
    { key: 'b', title: 'Mål', guidance: '', charLimit: null, required: false },
  ],
}

function newDocument(): Y.Doc {
  const doc = new Y.Doc()
  let n = 0
  instantiateTemplate(doc, template, 'Ansökan', () => `s${++n}`)
  return doc
}

function write(doc: Y.Doc, sectionId: string, parts: Array<[string, Record<string, unknown>?]>): void {
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  let at = 0
  for (const [insert, attributes] of parts) {
    text.insert(at, insert, attributes ?? {})
    at += insert.length
  }
  doc.getXmlFragment(sectionRoot(sectionId)).push([paragraph])
}

const copy = (doc: Y.Doc) => {
  const clone = new Y.Doc()
  Y.applyUpdate(clone, Y.encodeStateAsUpdate(doc))
  return clone
}

describe('diffText', () => {
  it('reports inserted and deleted words', () => {
    expect(diffText('Vi stärker regionen', 'Vi utvecklar regionen nu')).toEqual([
      { type: 'equal', text: 'Vi ' },
      { type: 'delete', text: 'stärker' },
      { type: 'insert', text: 'utvecklar' },
      { type: 'equal', text: ' regionen ' },
      { type: 'insert', text: 'nu' },
    ])
    // Equal and inserted runs rebuild the newer text; whitespace-only changes are not reported (diffWords).
    const ops = diffText('Två  rader\noch å ä ö', 'Två rader\noch ö')
    expect(ops.filter((op) => op.type === 'delete').map((op) => op.text.trim())).toEqual(['å ä'])
    expect(ops.filter((op) => op.type !== 'delete').map((op) => op.text).join('')).toBe('Två rader\noch ö')
    expect(diffText('', '')).toEqual([])
    expect(diffText('Samma', 'Samma')).toEqual([{ type: 'equal', text: 'Samma' }])
  })

  it('falls back to one deletion and one insertion when the texts differ too much to diff cheaply', () => {
    const limits = { maxEditLength: 2, timeout: 1_000 }
    expect(diffText('ett två tre fyra', 'fem sex sju åtta', limits)).toEqual([
      { type: 'delete', text: 'ett två tre fyra' },
      { type: 'insert', text: 'fem sex sju åtta' },
    ])
    expect(diffText('', 'ny text här nu', { maxEditLength: 0, timeout: 1_000 })).toEqual([{ type: 'insert', text: 'ny text här nu' }])
    // Within the limits the diff is as fine as ever.
    expect(diffText('ett två tre', 'ett fem tre', limits).filter((op) => op.type !== 'equal')).toEqual([
      { type: 'delete', text: 'två' },
      { type: 'insert', text: 'fem' },
    ])
  })

  it('gives up quickly on two large, wholly different texts under the default limits', () => {
    const words = (prefix: string) => Array.from({ length: 20_000 }, (_, i) => `${prefix}${i}`).join(' ')
    const [older, newer] = [words('a'), words('b')]
    const started = performance.now()
    expect(diffText(older, newer)).toEqual([
      { type: 'delete', text: older },
      { type: 'insert', text: newer },
    ])
    expect(performance.now() - started).toBeLessThan(2_000)
  })
})

describe('diffSections', () => {
  it('diffs each section and reports added, removed and renamed sections', () => {
    const older = newDocument()
    write(older, 's1', [['Gammal text om målgruppen.']])
    const newer = copy(older)
    write(newer, 's2', [['Nya mål']])
    newer.getMap<Y.Map<unknown>>(Root.sections).get('s1')?.set('title', 'Problemet')
    const diff = diffSections(older, newer)
    expect(diff.map((d) => [d.id, d.change])).toEqual([
      ['s1', 'changed'],
      ['s2', 'changed'],
    ])
    expect(diff[0]).toMatchObject({ title: 'Problemet', previousTitle: 'Problem', ops: [{ type: 'equal', text: 'Gammal text om målgruppen.' }] })
    expect(diff[1]?.ops).toEqual([{ type: 'insert', text: 'Nya mål' }])

    newer.transact(() => {
      newer.getArray(Root.outline).delete(1, 1)
      newer.getMap(Root.sections).delete('s2')
    })
    expect(diffSections(newer, older).map((d) => [d.id, d.change])).toEqual([
      ['s1', 'changed'],
      ['s2', 'added'],
    ])
  })
})

describe('diffSections and structured values', () => {
  it('calls a section changed when only its tables or values differ, and says so', () => {
    const older = newDocument()
    older.getMap(Root.fields).set('s1', new Y.Map<unknown>([['rows', new Y.Array<unknown>()]]))
    const newer = copy(older)
    expect(diffSections(older, newer).find((d) => d.id === 's1')).toMatchObject({ change: 'unchanged' })
    expect(diffSections(older, newer).find((d) => d.id === 's1')?.fieldsChanged).toBeUndefined()

    const row = new Y.Map<unknown>([['post', 'Personal'], ['amount', 120_000]])
    ;((newer.getMap(Root.fields).get('s1') as Y.Map<unknown>).get('rows') as Y.Array<unknown>).push([row])
    const diff = diffSections(older, newer).find((d) => d.id === 's1')
    expect(diff).toMatchObject({ change: 'changed', fieldsChanged: true })
    // The text did not change: its diff says so.
    expect(diff?.ops.every((op) => op.type === 'equal')).toBe(true)
  })

  it('reads the same values as unchanged whatever order their keys were integrated in', () => {
    const older = newDocument()
    const newer = copy(older)
    older.getMap(Root.fields).set('s1', new Y.Map<unknown>([['women', 12], ['men', 10]]))
    newer.getMap(Root.fields).set('s1', new Y.Map<unknown>([['men', 10], ['women', 12]]))
    expect(diffSections(older, newer).find((d) => d.id === 's1')).toMatchObject({ change: 'unchanged' })
  })
})

describe('authors in diffs', () => {
  it('reads exactly the plain text, with the client id of every character', () => {
    const doc = newDocument()
    write(doc, 's1', [['Första '], ['fet', { bold: {} }], [' rad.']])
    const list = new Y.XmlElement('bulletList')
    const item = new Y.XmlElement('listItem')
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('punkt')])
    item.insert(0, [paragraph])
    list.insert(0, [item])
    doc.getXmlFragment(sectionRoot('s1')).push([list, new Y.XmlElement('paragraph')])
    const text = (doc.getXmlFragment(sectionRoot('s1')).get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.delete(0, 3)
    const attributed = attributedSectionText(doc, 's1')
    expect(attributed.text).toBe(sectionPlainText(doc, 's1'))
    expect(attributed.clients).toHaveLength(attributed.text.length)
    expect(new Set(attributed.clients.filter((client) => client >= 0))).toEqual(new Set([doc.clientID]))
  })

  it('credits inserted words to the client that wrote them, when known', () => {
    const older = newDocument()
    write(older, 's1', [['Vi vill stärka regionen.']])
    const newer = copy(older)
    const anna = new Y.Doc()
    Y.applyUpdate(anna, Y.encodeStateAsUpdate(newer))
    const text = (anna.getXmlFragment(sectionRoot('s1')).get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(8, 'verkligen ')
    Y.applyUpdate(newer, Y.encodeStateAsUpdate(anna))
    const stranger = new Y.Doc()
    Y.applyUpdate(stranger, Y.encodeStateAsUpdate(newer))
    write(stranger, 's2', [['Okänd skribent']])
    Y.applyUpdate(newer, Y.encodeStateAsUpdate(stranger))

    const names = new Map([[anna.clientID, 'Anna']])
    const [first, second] = diffSections(older, newer, (client) => names.get(client))
    expect(first?.ops.filter((op) => op.type === 'insert')).toEqual([{ type: 'insert', text: 'verkligen ', authors: ['Anna'] }])
    expect(first?.authors).toEqual(['Anna'])
    expect(second?.ops).toEqual([{ type: 'insert', text: 'Okänd skribent' }])
    expect(second?.authors).toBeUndefined()
  })
})

describe('restoreSection', () => {
  it('copies text with marks and the title, and leaves status and other sections alone', () => {
    const live = newDocument()
    write(live, 's1', [['Vi vill '], ['stärka', { bold: {} }], [' regionen.']])
    write(live, 's2', [['Mål ett']])
    live.getMap(Root.fields).set('s1', new Y.Map<unknown>([['kvinnor', 12], ['man', 10]]))
    live.getMap(Root.fields).set('s2', 'oförändrat')
    const version = copy(live)
    live.getXmlFragment(sectionRoot('s1')).delete(0, 1)
    write(live, 's1', [['Helt ny text']])
    live.getMap<Y.Map<unknown>>(Root.sections).get('s1')?.set('title', 'Nytt namn')
    live.getMap<Y.Map<unknown>>(Root.sections).get('s1')?.set('status', 'klar-for-granskning')
    write(live, 's2', [['Mål två']])
    ;(live.getMap(Root.fields).get('s1') as Y.Map<unknown>).set('kvinnor', 3)
    live.getMap(Root.fields).set('s2', 'ändrat')

    expect(sectionDiffers(live, version, 's1')).toBe(true)
    const other = copy(live)
    live.on('update', (update: Uint8Array) => Y.applyUpdate(other, update))
    live.transact(() => restoreSection(live, version, 's1'))

    expect(sectionDiffers(live, version, 's1')).toBe(false)
    expect(live.getXmlFragment(sectionRoot('s1')).toString()).toBe('<paragraph>Vi vill <bold>stärka</bold> regionen.</paragraph>')
    expect(readSections(live)[0]).toMatchObject({ title: 'Problem', status: 'klar-for-granskning' })
    expect(sectionPlainText(live, 's2')).toBe('Mål ett\nMål två')
    expect((live.getMap(Root.fields).get('s1') as Y.Map<unknown>).toJSON()).toEqual({ kvinnor: 12, man: 10 })
    expect(live.getMap(Root.fields).get('s2')).toBe('ändrat')
    // The restore is an ordinary change: another replica converges by applying it.
    expect(other.getXmlFragment(sectionRoot('s1')).toString()).toBe(live.getXmlFragment(sectionRoot('s1')).toString())
    // The version itself is untouched and can be restored again.
    expect(sectionPlainText(version, 's1')).toBe('Vi vill stärka regionen.')
  })
})

describe('readVersionContent', () => {
  it('reads sections as blocks of marked text, lists flattened', () => {
    const doc = newDocument()
    write(doc, 's1', [['<b>inte html</b> och '], ['kursivt', { italic: {} }]])
    const list = new Y.XmlElement('bulletList')
    const item = new Y.XmlElement('listItem')
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('En punkt')])
    item.insert(0, [paragraph])
    list.insert(0, [item])
    doc.getXmlFragment(sectionRoot('s1')).push([list])
    const [first] = readVersionContent(doc)
    expect(first).toEqual({
      id: 's1',
      title: 'Problem',
      status: 'utkast',
      blocks: [
        { type: 'paragraph', runs: [{ text: '<b>inte html</b> och ' }, { text: 'kursivt', italic: true }] },
        { type: 'listItem', level: 0, ordered: false, runs: [{ text: 'En punkt' }] },
      ],
    })
  })
})

describe('readVersionContent and structured values', () => {
  it('carries a section’s tables as the exports show them, so a version’s budget does not read as empty', () => {
    const doc = new Y.Doc()
    let n = 0
    instantiateTemplate(
      doc,
      { ...template, sections: [{ key: 'deltagare', kind: 'participants', title: 'Deltagare', guidance: '', charLimit: null, required: true }] },
      'Ansökan',
      () => `s${++n}`,
    )
    const [empty] = readVersionContent(doc)
    const entry = doc.getMap(Root.fields).get('s1') as Y.Map<unknown>
    entry.set('women', 60)
    entry.set('men', 40)
    entry.set('total', 100)
    const [filled] = readVersionContent(doc)
    expect(filled?.blocks).toEqual([])
    expect(JSON.stringify(filled?.fields)).toContain('60')
    expect(JSON.stringify(filled?.fields)).toContain('100')
    expect(JSON.stringify(empty?.fields ?? null)).not.toContain('60')
  })
})

describe('restoreVersion', () => {
  /** A live room holding the template, section s1 reading `old` in `version` and `now` in the room. */
  async function setUp() {
    const room = new Room({
      documentId: 'd1',
      store: new MemoryDocumentStore(),
      extensions: [],
      limits: { messagesPerSecond: 1000, maxAwarenessBytes: 10_000, maxDocumentBytes: 1_000_000 },
      compactAfter: 1000,
    })
    await room.load()
    await room.change((doc) => {
      let n = 0
      instantiateTemplate(doc, template, 'Ansökan', () => `s${++n}`)
      write(doc, 's1', [['Gammal text.']])
    })
    const version = copy(room.doc)
    await room.change((doc) => {
      doc.getXmlFragment(sectionRoot('s1')).delete(0, 1)
      write(doc, 's1', [['Ny text.']])
    })
    return { room, version }
  }

  it('sees a lock queued before it, so it never writes into a section locked meanwhile', async () => {
    const { room, version } = await setUp()
    const db = openSqlite(':memory:')
    const versions = new SqliteVersionStore(db)
    const locking = room.change((doc) => doc.getMap(Root.locks).set('s1', { by: 'u1', byName: 'Siv', at: '', reason: '' }))
    const restoring = restoreVersion(room, versions, version, { sectionId: 's1', role: 'editor', userId: 'u2', userName: 'Erik' })
    await locking
    await expect(restoring).rejects.toSatisfy((error) => error instanceof ApiError && error.status === 403)
    expect(sectionPlainText(room.doc, 's1')).toBe('Ny text.')
    expect(await versions.listVersions('d1')).toEqual([])
    expect(room.doc.getMap(Root.meta).get('lastRestore')).toBeUndefined()
    // A coordinator may restore the locked section; the document says who restored what, for the others.
    expect((await restoreVersion(room, versions, version, { sectionId: 's1', role: 'coordinator', userId: 'u1', userName: 'Karin' })).restored).toEqual(['s1'])
    expect(sectionPlainText(room.doc, 's1')).toBe('Gammal text.')
    expect(room.doc.getMap(Root.meta).get('lastRestore')).toMatchObject({ by: 'u1', name: 'Karin', sections: ['s1'] })
    db.close()
  })

  it('stores the restore point before restoring, and restores nothing when it cannot be stored', async () => {
    const { room, version } = await setUp()
    const failing = { listVersions: async () => [], createVersion: () => Promise.reject(new Error('disk full')) } as unknown as VersionStore
    await expect(restoreVersion(room, failing, version, { role: 'editor', userId: 'u2', userName: 'Erik' })).rejects.toThrow('disk full')
    expect(sectionPlainText(room.doc, 's1')).toBe('Ny text.')

    const db = openSqlite(':memory:')
    const sqlite = new SqliteVersionStore(db)
    const seenWhenStored: string[] = []
    const watching = Object.assign(Object.create(sqlite) as VersionStore, {
      createVersion: (v: Parameters<VersionStore['createVersion']>[0]) => {
        seenWhenStored.push(sectionPlainText(room.doc, 's1'))
        return sqlite.createVersion(v)
      },
    })
    const result = await restoreVersion(room, watching, version, { role: 'editor', userId: 'u2', userName: 'Erik' })
    expect(result.restored).toEqual(['s1'])
    expect(seenWhenStored).toEqual(['Ny text.'])
    expect(sectionPlainText(room.doc, 's1')).toBe('Gammal text.')
    const point = await sqlite.findVersion('d1', result.restorePoint!.id)
    expect(sectionPlainText(docOfSnapshot(point!.snapshot), 's1')).toBe('Ny text.')
    db.close()
  })

  it('takes the newest version as the restore point when it holds the same state, and stores no copy', async () => {
    const { room, version } = await setUp()
    const db = openSqlite(':memory:')
    const versions = new SqliteVersionStore(db)
    const review = await recordVersion(versions, 'd1', room.doc, { kind: 'review', name: 'Problem', createdBy: 'u1' })
    const first = await restoreVersion(room, versions, version, { sectionId: 's1', role: 'editor', userId: 'u2', userName: 'Erik' })
    expect(first.restorePoint).toMatchObject({ id: review.id, kind: 'review' })
    expect((await versions.listVersions('d1')).map((v) => v.id)).toEqual([review.id])
    // Back and forth: each state differs from the newest version, so each gets its restore point.
    const second = await restoreVersion(room, versions, docOfSnapshot((await versions.findVersion('d1', review.id))!.snapshot), { sectionId: 's1', role: 'editor', userId: 'u2', userName: 'Erik' })
    expect(second.restorePoint).toMatchObject({ kind: 'restore-point', createdBy: 'u2' })
    expect(sectionPlainText(docOfSnapshot((await versions.findVersion('d1', second.restorePoint!.id))!.snapshot), 's1')).toBe('Gammal text.')
    expect(await versions.listVersions('d1')).toHaveLength(2)
    // A periodic version may be thinned later, so it never stands in for a restore point.
    const periodic = await recordVersion(versions, 'd1', room.doc, { kind: 'periodic' })
    const third = await restoreVersion(room, versions, version, { sectionId: 's1', role: 'editor', userId: 'u2', userName: 'Erik' })
    expect(third.restorePoint).toMatchObject({ kind: 'restore-point' })
    expect(third.restorePoint!.id).not.toBe(periodic.id)
    db.close()
  })
})

