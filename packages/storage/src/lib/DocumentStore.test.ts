import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { DocumentStore } from './DocumentStore.ts'
import { MemoryDocumentStore } from './MemoryDocumentStore.ts'
import { openSqlite } from './sqlite/openSqlite.ts'
import { SqliteDocumentStore } from './sqlite/SqliteDocumentStore.ts'
import { openPostgres, quoteIdentifier } from './postgres/openPostgres.ts'
import { DOCUMENT_LOCK, LOCK_DOCUMENTS, PostgresDocumentStore } from './postgres/PostgresDocumentStore.ts'
import { openTestPostgres } from './postgres/testDatabase.ts'
import { postgresMigrations } from './postgres/migrations.ts'

// Postgres runs when DATABASE_URL is set; set but unreachable makes these tests fail, not skip.
const databaseUrl = process.env.DATABASE_URL || undefined

const dirs: string[] = []
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }))
})

function sqliteFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samskriv-store-'))
  dirs.push(dir)
  return join(dir, 'db.sqlite')
}

async function postgresStore(url: string): Promise<PostgresDocumentStore> {
  const db = await openTestPostgres(url)
  const store = new PostgresDocumentStore(db.pool)
  cleanups.push(async () => {
    await store.close()
    await db.close()
  })
  return store
}

const adapters: Array<[string, () => Promise<DocumentStore>]> = [
  ['memory', async () => new MemoryDocumentStore()],
  ['sqlite', async () => {
    const store = new SqliteDocumentStore(openSqlite(sqliteFile()))
    cleanups.push(() => store.close())
    return store
  }],
  ...(databaseUrl ? [['postgres', () => postgresStore(databaseUrl)] as [string, () => Promise<DocumentStore>]] : []),
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
    const store = await create()
    const updates = edits(20)
    await Promise.all(updates.map((update) => store.appendUpdates('doc-1', [update])))
    await store.appendUpdates('doc-2', edits(1))
    const loaded = await store.load('doc-1')
    expect(loaded.updates).toHaveLength(20)
    expect(replay(loaded.updates)).toBe(replay(updates))
    expect(await store.countUpdates('doc-2')).toBe(1)
  })

  it('compacts a prefix into one snapshot and keeps later updates', async () => {
    const store = await create()
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
    await first.close()
    const reopened = new SqliteDocumentStore(openSqlite(file))
    expect(replay((await reopened.load('doc')).updates)).toBe(replay(updates))
    await reopened.close()
  })

  it('compacts on the writer thread: a busy database does not stall the event loop', async () => {
    const file = sqliteFile()
    const store = new SqliteDocumentStore(openSqlite(file))
    cleanups.push(() => store.close())
    const updates = edits(6)
    const lastSeq = await store.appendUpdates('doc', updates)
    // Another connection holds the write lock; on the main thread the compaction would wait for
    // it synchronously (busy_timeout), so the timer that releases the lock could never fire.
    const other = openSqlite(file)
    cleanups.push(async () => void (other.open && other.close()))
    other.exec('BEGIN IMMEDIATE')
    let releasedFirst = false
    setTimeout(() => {
      releasedFirst = true
      other.exec('COMMIT')
    }, 50)
    await store.compact('doc', Y.mergeUpdates(updates), lastSeq)
    expect(releasedFirst).toBe(true)
    const loaded = await store.load('doc')
    expect(loaded.updates).toHaveLength(1)
    expect(replay(loaded.updates)).toBe(replay(updates))
  })

  /** A store whose next writes of one turn are counted as batches sent to its writer thread. */
  function countingBatches(store: SqliteDocumentStore): () => number {
    const { writer } = store as unknown as { writer: Worker }
    const post = vi.spyOn(writer, 'postMessage')
    return () => post.mock.calls.length
  }

  it('keeps the appends of a batch whose compaction is refused', async () => {
    const store = new SqliteDocumentStore(openSqlite(sqliteFile()))
    cleanups.push(() => store.close())
    const [first, second, third, fourth] = edits(4) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array]
    const seqOfA = await store.appendUpdates('a', [first])
    const seqOfB = await store.appendUpdates('b', [second])
    const batches = countingBatches(store)
    // One turn, one batch: an append, a compaction of 'a' at b's sequence number (it collides
    // with b's entry, so it is refused), another append.
    const before = store.appendUpdates('c', [third])
    const compaction = store.compact('a', first, seqOfB)
    const after = store.appendUpdates('d', [fourth])
    await expect(compaction).rejects.toThrow(/UNIQUE/)
    expect(await before).toBeGreaterThan(seqOfB)
    expect(await after).toBeGreaterThan(await before)
    expect(batches()).toBe(1)
    expect((await store.load('c')).updates).toEqual([third])
    expect((await store.load('d')).updates).toEqual([fourth])
    expect((await store.load('a')).lastSeq).toBe(seqOfA)
    expect(await store.countUpdates('b')).toBe(1)
  })

  it('fails the whole batch, with its cause, when a compaction ends the transaction', async () => {
    const file = sqliteFile()
    const store = new SqliteDocumentStore(openSqlite(file))
    cleanups.push(() => store.close())
    const [first, second, third] = edits(3) as [Uint8Array, Uint8Array, Uint8Array]
    const seqOfA = await store.appendUpdates('a', [first])
    // Stands in for a full disk or an I/O error, after which SQLite rolls back the transaction.
    const schema = openSqlite(file)
    schema.exec(`CREATE TRIGGER refuse_snapshots BEFORE INSERT ON doc_updates WHEN NEW.doc_id = 'a'
      BEGIN SELECT RAISE(ROLLBACK, 'disk gone'); END`)
    schema.close()
    const batches = countingBatches(store)
    const writes = [store.appendUpdates('b', [second]), store.compact('a', first, seqOfA), store.appendUpdates('c', [third])]
    for (const write of writes) await expect(write).rejects.toThrow(/disk gone/)
    expect(batches()).toBe(1)
    expect(await store.countUpdates('b')).toBe(0)
    expect(await store.countUpdates('c')).toBe(0)
    expect((await store.load('a')).updates).toEqual([first])
  })

  it('starts a new writer thread when its writer thread stops, and appends work again', async () => {
    const store = new SqliteDocumentStore(openSqlite(sqliteFile()))
    const updates = edits(3)
    await store.appendUpdates('doc', updates.slice(0, 1))
    const { writer } = store as unknown as { writer: Worker }
    await writer.terminate()
    // Until the new thread runs, appends fail (the rooms retry them, as in any outage).
    let stored = false
    const deadline = Date.now() + 5_000
    while (!stored) {
      if (Date.now() > deadline) throw new Error('appends never worked again')
      stored = await store.appendUpdates('doc', updates.slice(1)).then(() => true, () => false)
      if (!stored) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect((store as unknown as { writer: Worker }).writer).not.toBe(writer)
    expect(replay((await store.load('doc')).updates)).toBe(replay(updates))
    await store.close()
  })
})

describe.skipIf(!databaseUrl)('PostgresDocumentStore', () => {
  const url = databaseUrl ?? ''

  it('gives each caller in one group commit its own last sequence number, in call order', async () => {
    const store = await postgresStore(url)
    const updates = edits(9)
    const seqs = await Promise.all([
      store.appendUpdates('a', updates.slice(0, 3)),
      store.appendUpdates('b', updates.slice(3, 4)),
      store.appendUpdates('a', updates.slice(4, 9)),
      store.appendUpdates('c', []),
    ])
    expect(seqs[0]).toBeLessThan(seqs[1] ?? 0)
    expect(seqs[1]).toBeLessThan(seqs[2] ?? 0)
    expect(seqs[3]).toBe(0)
    const a = await store.load('a')
    expect(a.lastSeq).toBe(seqs[2])
    expect(replay(a.updates)).toBe(replay([...updates.slice(0, 3), ...updates.slice(4, 9)]))
    expect(typeof a.lastSeq).toBe('number')
  })

  it("commits a document's appends in sequence order across instances, so no compaction deletes one unseen", async () => {
    const db = await openTestPostgres(url)
    const store = new PostgresDocumentStore(db.pool)
    const other = await db.pool.connect()
    cleanups.push(async () => {
      other.release()
      await store.close()
      await db.close()
    })
    const documentId = `ordning-${process.pid}-${Date.now()}`
    const [first, second] = edits(2)
    // Another instance's append: its sequence number drawn, its transaction not yet committed.
    await other.query('BEGIN')
    await other.query(LOCK_DOCUMENTS, [[documentId]])
    const { rows } = await other.query<{ seq: string }>('INSERT INTO doc_updates (doc_id, data) VALUES ($1, $2) RETURNING seq', [documentId, Buffer.from(first!)])
    let appended: number | undefined
    const appending = store.appendUpdates(documentId, [second!]).then((seq) => (appended = seq))
    const waitsForTheLock = async () => {
      const { rows: waiting } = await db.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = $1 AND objid = hashtext($2)::oid`,
        [DOCUMENT_LOCK, documentId],
      )
      return Number(waiting[0]?.n) > 0
    }
    const deadline = Date.now() + 5_000
    let waiting = false
    while (appended === undefined && !(waiting = await waitsForTheLock()) && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve))
    // Committed before the lower number is, it would let a compaction loading up to it skip that one.
    expect(appended).toBeUndefined()
    expect(waiting).toBe(true)
    await other.query('COMMIT')
    await appending
    expect(appended).toBeGreaterThan(Number(rows[0]?.seq))
    expect((await store.load(documentId)).updates).toHaveLength(2)
  })

  it('keeps updates across reopening the pool, and migrating twice at once is safe', async () => {
    const schema = `test_reopen_${process.pid}_${Date.now()}`
    const [first, second] = await Promise.all([openPostgres(url, { schema }), openPostgres(url, { schema })])
    cleanups.push(async () => {
      await second.pool.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`)
      await second.close()
    })
    const { rows } = await first.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    expect(rows.map((row) => row.version)).toEqual(postgresMigrations.map((_, index) => index + 1))
    const updates = edits(3)
    const writer = new PostgresDocumentStore(first.pool)
    await writer.appendUpdates('doc', updates)
    await writer.close()
    await first.close()
    const reopened = await openPostgres(url, { schema })
    const reader = new PostgresDocumentStore(reopened.pool)
    expect(replay((await reader.load('doc')).updates)).toBe(replay(updates))
    await reopened.close()
  })
})

describe('openPostgres', () => {
  it('rejects when the database is unreachable', async () => {
    await expect(openPostgres('postgres://postgres@127.0.0.1:1/none')).rejects.toThrow()
  })
})
