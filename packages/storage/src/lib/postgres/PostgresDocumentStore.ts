import type pg from 'pg'
import type { DocumentStore, StoredDocument } from '../DocumentStore.ts'
import { inTransaction } from './inTransaction.ts'

interface PendingAppend {
  documentId: string
  updates: readonly Uint8Array[]
  resolve: (seq: number) => void
  reject: (error: unknown) => void
}

const toBuffer = (update: Uint8Array): Buffer => Buffer.from(update.buffer, update.byteOffset, update.byteLength)

/** Namespace of this store's advisory locks (the first key of the two-key form). */
export const DOCUMENT_LOCK = 7_341_001

/**
 * Takes the advisory lock of each document, in the order of the lock keys everywhere (two
 * documents may share a key), so two transactions never wait on each other.
 */
export const LOCK_DOCUMENTS = `SELECT pg_advisory_xact_lock(${DOCUMENT_LOCK}, key) FROM (SELECT DISTINCT hashtext(unnest($1::text[])) AS key ORDER BY 1) AS keys`

/**
 * Update log in PostgreSQL. Appends made in one event-loop turn share one transaction (group
 * commit), so a burst of edits costs one commit. Each transaction first takes an advisory lock
 * per document it writes, held until it commits: another instance's append to the same document
 * waits, so a document's sequence numbers commit in order across instances too. Without it an
 * instance could draw seq 50, another draw 51 and commit first, and a compaction that loaded up
 * to 51 would delete 50 once it committed, unseen. Within one process flushes also run one at a
 * time, so `compact(…, lastSeq)` never deletes an update it has not seen.
 */
export class PostgresDocumentStore implements DocumentStore {
  private pending: PendingAppend[] = []
  private flushScheduled = false
  /** The flush in progress (or a resolved promise); the next one starts after it. */
  private flushing: Promise<void> = Promise.resolve()

  constructor(private readonly pool: pg.Pool) {}

  async load(documentId: string): Promise<StoredDocument> {
    const { rows } = await this.pool.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE doc_id = $1 ORDER BY seq',
      [documentId],
    )
    return {
      updates: rows.map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)),
      lastSeq: Number(rows.at(-1)?.seq ?? 0),
    }
  }

  appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ documentId, updates, resolve, reject })
      if (!this.flushScheduled) {
        this.flushScheduled = true
        setImmediate(() => {
          this.flushing = this.flushing.then(() => this.flush())
        })
      }
    })
  }

  private async flush(): Promise<void> {
    const batch = this.pending
    this.pending = []
    this.flushScheduled = false
    if (batch.length === 0) return
    const documentIds: string[] = []
    const data: Buffer[] = []
    for (const append of batch) {
      for (const update of append.updates) {
        documentIds.push(append.documentId)
        data.push(toBuffer(update))
      }
    }
    let seqs: number[] = []
    try {
      if (data.length > 0) {
        seqs = await this.inTransaction(async (client) => {
          await client.query(LOCK_DOCUMENTS, [documentIds])
          // Identity values are drawn in row order (ORDER BY ordinality); sorting the returned
          // values maps them back to input positions.
          const { rows } = await client.query<{ seq: string }>(
            `INSERT INTO doc_updates (doc_id, data)
             SELECT doc_id, data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(doc_id, data, n) ORDER BY n
             RETURNING seq`,
            [documentIds, data],
          )
          return rows.map((row) => Number(row.seq)).sort((a, b) => a - b)
        })
      }
    } catch (error) {
      for (const append of batch) append.reject(error)
      return
    }
    let position = 0
    for (const append of batch) {
      position += append.updates.length
      append.resolve(append.updates.length > 0 ? (seqs[position - 1] ?? 0) : 0)
    }
  }

  async compact(documentId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    // The snapshot takes the sequence number of the last update it replaces, so order is kept.
    await this.inTransaction(async (client) => {
      await client.query(LOCK_DOCUMENTS, [[documentId]])
      await client.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq <= $2', [documentId, throughSeq])
      await client.query('INSERT INTO doc_updates (seq, doc_id, data) OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3)', [
        throughSeq,
        documentId,
        toBuffer(snapshot),
      ])
    })
  }

  private inTransaction<T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, run)
  }

  async countUpdates(documentId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = $1', [documentId])
    return Number(rows[0]?.n ?? 0)
  }

  /** Waits for queued appends to be durable. The pool itself is closed by its owner. */
  async close(): Promise<void> {
    if (this.pending.length > 0) this.flushing = this.flushing.then(() => this.flush())
    await this.flushing
  }
}
