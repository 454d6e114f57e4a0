import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { DocumentStore, StoredDocument } from '../DocumentStore.ts'
import type { SqliteDatabase } from './openSqlite.ts'
import type { LogWrite, LogWriteResult, prepareWrites as PrepareWrites } from './sqliteWrites.cjs'

const require = createRequire(import.meta.url)
const writesModule = require.resolve('./sqliteWrites.cjs')
const { prepareWrites } = require(writesModule) as { prepareWrites: typeof PrepareWrites }

interface PendingWrite {
  write: LogWrite
  resolve: (seq: number) => void
  reject: (error: unknown) => void
}

/** Pages written to the log between the writer thread's checkpoints. */
const CHECKPOINT_PAGES = 250
const RESTART_FIRST_MS = 250
const RESTART_MAX_MS = 10_000
type WriterReply = { results: LogWriteResult[] } | { error: string; code?: string }

/**
 * The writer thread of a file database: its own connection (WAL lets it write while the main
 * connection reads), one transaction per batch, each write's result back in order.
 * Plain JavaScript evaluated in a worker, so it needs no TypeScript loader there.
 */
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path)
db.pragma('synchronous = FULL')
db.pragma('busy_timeout = 5000')
const writeAll = require(workerData.writes).prepareWrites(db)
// Checkpoints run here once a batch is answered, not inside its commit: SQLite's automatic one
// runs in the commit that crosses its threshold (1000 pages: 5-8 ms added to that batch's reply on
// the bench machine). One about every ${CHECKPOINT_PAGES} pages takes 1.5-3 ms while the next batch
// gathers. The automatic one stays on as the backstop, should the estimate below fall behind.
let pagesSinceCheckpoint = 0
parentPort.on('message', (writes) => {
  try {
    parentPort.postMessage({ results: writeAll(writes) })
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error), code: error && error.code })
  }
  try {
    checkpointIfDue(writes)
  } catch {
    // Tried again after the next batch.
    pagesSinceCheckpoint = ${CHECKPOINT_PAGES}
  }
})
function checkpointIfDue(writes) {
  pagesSinceCheckpoint += pagesWritten(writes)
  if (pagesSinceCheckpoint < ${CHECKPOINT_PAGES}) return
  const [result] = db.pragma('wal_checkpoint(PASSIVE)')
  // A reader on the main connection may keep some pages from being copied: try again next batch.
  pagesSinceCheckpoint = result.checkpointed < result.log ? ${CHECKPOINT_PAGES} : 0
}
// An estimate: a batch rewrites about three pages (table, index, sequence) plus its bytes. A
// compaction deletes rows spread over many pages: it counts as enough for a checkpoint by itself.
function pagesWritten(writes) {
  let bytes = 0
  for (const write of writes) {
    if ('snapshot' in write) return ${CHECKPOINT_PAGES}
    for (const update of write.updates) bytes += update.byteLength
  }
  return 3 + Math.ceil(bytes / 4096)
}
`

const failure = (reply: { error: string; code?: string }): Error => Object.assign(new Error(reply.error), { code: reply.code })

/**
 * Update log in SQLite. Writes made in one event-loop turn share one transaction (group commit):
 * with synchronous=FULL each commit costs an fsync, so batching is what keeps durability cheap.
 * For a file database the commits run on a worker thread, compactions included: an fsync takes
 * 0.3–5 ms on a shared disk, and on the main thread it would stall every room and socket of the
 * process meanwhile (the bench's profile showed 16 % of wall time there). While one batch is
 * being committed the next one gathers, so a slow disk makes batches larger rather than the event
 * loop slower.
 */
export class SqliteDocumentStore implements DocumentStore {
  private pending: PendingWrite[] = []
  private flushScheduled = false
  /** The batch the writer thread is committing. */
  private inFlight: PendingWrite[] | undefined
  private writer: Worker | undefined
  private writerFailure: Error | undefined
  private closed = false
  /** Delay before the next restart of a writer thread that stopped; doubles while restarts fail. */
  private restartDelayMs = RESTART_FIRST_MS
  /** For a memory database, which has no writer thread. */
  private readonly writeInline
  private readonly selectLog
  private readonly count

  constructor(private readonly db: SqliteDatabase) {
    this.writeInline = prepareWrites(db)
    // Rows as arrays: a 30 000-entry log loads in about half the time of row objects.
    this.selectLog = db.prepare('SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq').raw(true)
    this.count = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ?')
    if (!db.memory) this.writer = this.startWriter(db.name)
  }

  private startWriter(path: string): Worker {
    const driver = require.resolve('better-sqlite3')
    const writer = new Worker(WRITER_SOURCE, { eval: true, workerData: { path, driver, writes: writesModule } })
    // Only a batch in flight keeps the process alive; an idle store does not.
    writer.unref()
    writer.on('message', (reply: WriterReply) => {
      // A late reply from a thread that was replaced answers nothing of the current batch.
      if (writer !== this.writer) return
      if (!('error' in reply)) this.restartDelayMs = RESTART_FIRST_MS
      this.settle(reply)
    })
    writer.on('error', (error) => this.fail(writer, error))
    writer.on('exit', () => this.fail(writer, new Error('the SQLite writer thread stopped')))
    return writer
  }

  async load(documentId: string): Promise<StoredDocument> {
    const rows = this.selectLog.all(documentId) as Array<[number, Buffer]>
    const updates = new Array<Uint8Array>(rows.length)
    for (let i = 0; i < rows.length; i++) {
      const data = rows[i]![1]
      updates[i] = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    }
    return { updates, lastSeq: rows.at(-1)?.[0] ?? 0 }
  }

  appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number> {
    return this.enqueue({ documentId, updates })
  }

  /** In order with the appends before it, in the same transaction as those of its turn. */
  async compact(documentId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    await this.enqueue({ documentId, snapshot, throughSeq })
  }

  private enqueue(write: LogWrite): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.writerFailure) return reject(this.writerFailure)
      this.pending.push({ write, resolve, reject })
      if (!this.flushScheduled) {
        this.flushScheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  private flush(): void {
    this.flushScheduled = false
    // One batch at a time: what arrives meanwhile is sent when the writer answers.
    if (this.inFlight || this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    const writes = batch.map(({ write }) => write)
    if (!this.writer) {
      let results: LogWriteResult[]
      try {
        results = this.writeInline(writes)
      } catch (error) {
        for (const pending of batch) pending.reject(error)
        return
      }
      this.resolveAll(batch, results)
      return
    }
    this.inFlight = batch
    this.writer.ref()
    this.writer.postMessage(writes)
  }

  private settle(reply: WriterReply): void {
    const batch = this.inFlight ?? []
    this.inFlight = undefined
    this.writer?.unref()
    if ('error' in reply) {
      const error = failure(reply)
      for (const pending of batch) pending.reject(error)
    } else {
      this.resolveAll(batch, reply.results)
    }
    this.flush()
  }

  private resolveAll(batch: PendingWrite[], results: LogWriteResult[]): void {
    batch.forEach((pending, index) => {
      const result = results[index] ?? 0
      if (typeof result === 'number') pending.resolve(result)
      else pending.reject(failure(result))
    })
  }

  /**
   * The writer thread is gone: what it was given fails (the rooms keep those batches and retry,
   * as in any storage outage) and writes fail until a new thread is running.
   */
  private fail(writer: Worker, cause: Error): void {
    if (writer !== this.writer || this.writerFailure) return
    const error = Object.assign(cause, { code: 'STORAGE_UNAVAILABLE' })
    this.writerFailure = error
    const waiting = [...(this.inFlight ?? []), ...this.pending]
    this.inFlight = undefined
    this.pending = []
    for (const pending of waiting) pending.reject(error)
    if (this.closed) return
    console.error(`SQLite: skrivtråden stannade (${error.message}); startar om om ${this.restartDelayMs} ms`)
    const delay = this.restartDelayMs
    this.restartDelayMs = Math.min(this.restartDelayMs * 2, RESTART_MAX_MS)
    setTimeout(() => {
      if (this.closed) return
      void writer.terminate()
      this.writer = this.startWriter(this.db.name)
      this.writerFailure = undefined
    }, delay).unref()
  }

  async countUpdates(documentId: string): Promise<number> {
    return (this.count.get(documentId) as { n: number }).n
  }

  /** Resolves once every append made so far is durable (or failed), then stops the writer. */
  async close(): Promise<void> {
    this.flush()
    while (this.inFlight || this.pending.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 1))
      this.flush()
    }
    this.closed = true
    if (this.writer && !this.writerFailure) {
      this.writerFailure = new Error('the document store is closed')
      await this.writer.terminate()
    }
  }
}
