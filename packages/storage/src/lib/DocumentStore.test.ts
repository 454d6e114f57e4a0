import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentStore } from './DocumentStore.ts'
import { MemoryDocumentStore } from './MemoryDocumentStore.ts'
import { openSqlite } from './sqlite/openSqlite.ts'
import { SqliteDocumentStore } from './sqlite/SqliteDocumentStore.ts'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function sqliteFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samskriv-store-'))
  dirs.push(dir)
  return join(dir, 'db.sqlite')
}

const adapters: Array<[string, () => DocumentStore]> = [
  ['memory', () => new MemoryDocumentStore()],
  ['sqlite', () => new SqliteDocumentStore(openSqlite(sqliteFile()))],
]

function edits(count: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) doc.getText('section:a').insert(0, `ord${i} `)
  return updates
}

function replay(updates: Uint8Array[]): string {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getText('section:a').toString()
}

describe.each(adapters)('DocumentStore (%s)', (_name, create) => {
  it('returns appended updates in order, per document', async () => {
    const store = create()
    const updates = edits(20)
    await Promise.all(updates.map((update) => store.appendUpdates('doc-1', [update])))
    await store.appendUpdates('doc-2', edits(1))
    const loaded = await store.load('doc-1')
    expect(loaded.updates).toHaveLength(20)
    expect(replay(loaded.updates)).toBe(replay(updates))
    expect(await store.countUpdates('doc-2')).toBe(1)
  })

  it('compacts a prefix into one snapshot and keeps later updates', async () => {
    const store = create()
    const updates = edits(10)
    await store.appendUpdates('doc', updates.slice(0, 6))
    const { lastSeq } = await store.load('doc')
    const later = store.appendUpdates('doc', updates.slice(6))
    await later
    await store.compact('doc', Y.mergeUpdates(updates.slice(0, 6)), lastSeq)
    const loaded = await store.load('doc')
    expect(loaded.updates).toHaveLength(5)
    expect(replay(loaded.updates)).toBe(replay(updates))
  })
})

describe('SqliteDocumentStore', () => {
  it('keeps updates across reopening the file', async () => {
    const file = sqliteFile()
    const first = new SqliteDocumentStore(openSqlite(file))
    const updates = edits(3)
    await first.appendUpdates('doc', updates)
    const reopened = new SqliteDocumentStore(openSqlite(file))
    expect(replay((await reopened.load('doc')).updates)).toBe(replay(updates))
  })
})
