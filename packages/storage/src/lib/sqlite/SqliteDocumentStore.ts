import type { DocumentStore, StoredDocument } from '../DocumentStore.ts'
import type { SqliteDatabase } from './openSqlite.ts'

interface PendingAppend {
  documentId: string
  updates: readonly Uint8Array[]
  resolve: (seq: number) => void
  reject: (error: unknown) => void
}

/**
 * Update log in SQLite. Appends made in one event-loop turn share one transaction (group commit):
 * with synchronous=FULL each commit costs an fsync, so batching is what keeps durability cheap.
 */
export class SqliteDocumentStore implements DocumentStore {
  private pending: PendingAppend[] = []
  private flushScheduled = false
  private readonly insert
  private readonly selectLog
  private readonly deleteThrough
  private readonly insertAt
  private readonly count

  constructor(private readonly db: SqliteDatabase) {
    this.insert = db.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)')
    this.selectLog = db.prepare('SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq')
    this.deleteThrough = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?')
    this.insertAt = db.prepare('INSERT INTO doc_updates (seq, doc_id, data) VALUES (?, ?, ?)')
    this.count = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ?')
  }

  async load(documentId: string): Promise<StoredDocument> {
    const rows = this.selectLog.all(documentId) as Array<{ seq: number; data: Buffer }>
    return {
      updates: rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)),
      lastSeq: rows.at(-1)?.seq ?? 0,
    }
  }

  appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ documentId, updates, resolve, reject })
      if (!this.flushScheduled) {
        this.flushScheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  private flush(): void {
    const batch = this.pending
    this.pending = []
    this.flushScheduled = false
    const results: number[] = []
    try {
      this.db.transaction(() => {
        for (const append of batch) {
          let seq = 0
          for (const update of append.updates) {
            seq = Number(this.insert.run(append.documentId, update).lastInsertRowid)
          }
          results.push(seq)
        }
      })()
    } catch (error) {
      for (const append of batch) append.reject(error)
      return
    }
    batch.forEach((append, index) => append.resolve(results[index] ?? 0))
  }

  async compact(documentId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    // The snapshot takes the sequence number of the last update it replaces, so order is kept.
    this.db.transaction(() => {
      this.deleteThrough.run(documentId, throughSeq)
      this.insertAt.run(throughSeq, documentId, snapshot)
    })()
  }

  async countUpdates(documentId: string): Promise<number> {
    return (this.count.get(documentId) as { n: number }).n
  }

  async close(): Promise<void> {
    if (this.pending.length > 0) this.flush()
  }
}
