import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sqliteMigrations } from './migrations.ts'
import { openSqlite } from './openSqlite.ts'
import { SqliteDocumentStore } from './SqliteDocumentStore.ts'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function sqliteFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samskriv-open-'))
  dirs.push(dir)
  return join(dir, 'db.sqlite')
}

const walSize = (file: string): number => statSync(`${file}-wal`).size

describe('openSqlite', () => {
  it('writes a new log out to its checkpoint size, so commits rewrite it instead of extending it', async () => {
    const file = sqliteFile()
    const db = openSqlite(file)
    const pages = db.pragma('wal_autocheckpoint', { simple: true }) as number
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const sizeAtOpen = walSize(file)
    expect(sizeAtOpen).toBeGreaterThanOrEqual(32 + pages * (24 + pageSize))
    // Nothing that matters changed: the schema version is the migrations' count.
    expect(db.pragma('user_version', { simple: true })).toBe(sqliteMigrations.length)
    // Every commit from here on is synced again, and checkpoints run again.
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(pages).toBeGreaterThan(0)

    const store = new SqliteDocumentStore(db)
    for (let i = 0; i < 40; i++) await store.appendUpdates('doc-1', [new Uint8Array([i, 1, 2, 3])])
    expect(walSize(file)).toBe(sizeAtOpen)
    expect((await store.load('doc-1')).updates).toHaveLength(40)
    await store.close()
    db.close()
  })

  it('keeps the log short: the writer thread checkpoints after a few hundred pages, not at a thousand', async () => {
    const file = sqliteFile()
    const db = openSqlite(file)
    const sizeAtOpen = walSize(file)
    const store = new SqliteDocumentStore(db)
    // About three pages each, some 800 in all: under the automatic checkpoint's 1000.
    for (let i = 0; i < 250; i++) await store.appendUpdates('doc-1', [new Uint8Array([i % 256, 1, 2, 3])])
    const [log] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>
    expect(log!.log).toBeLessThan(400)
    expect(walSize(file)).toBe(sizeAtOpen)
    expect((await store.load('doc-1')).updates).toHaveLength(250)
    await store.close()
    db.close()
  })

  it('checkpoints after a compaction, whatever it estimated so far', async () => {
    const file = sqliteFile()
    const db = openSqlite(file)
    const store = new SqliteDocumentStore(db)
    let lastSeq = 0
    for (let i = 0; i < 10; i++) lastSeq = await store.appendUpdates('doc-1', [new Uint8Array([i, 1, 2, 3])])
    await store.compact('doc-1', new Uint8Array([9, 9, 9]), lastSeq)
    // Checkpointed in full, the log starts over at this append.
    await store.appendUpdates('doc-1', [new Uint8Array([4])])
    const [log] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>
    expect(log!.log).toBeLessThan(10)
    expect((await store.load('doc-1')).updates).toHaveLength(2)
    await store.close()
    db.close()
  })

  it('keeps what was stored when a database is reopened', async () => {
    const file = sqliteFile()
    const first = openSqlite(file)
    const store = new SqliteDocumentStore(first)
    await store.appendUpdates('doc-1', [new Uint8Array([7, 7])])
    await store.close()
    first.close()

    const again = openSqlite(file)
    const reopened = new SqliteDocumentStore(again)
    expect((await reopened.load('doc-1')).updates).toEqual([new Uint8Array([7, 7])])
    expect(again.pragma('user_version', { simple: true })).toBe(sqliteMigrations.length)
    await reopened.close()
    again.close()
  })
})
