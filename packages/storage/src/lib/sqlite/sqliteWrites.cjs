// The writes of the document log, shared by the writer thread and the main thread (a memory
// database has no writer thread). Plain CommonJS so a worker can require it without a TypeScript
// loader; its types are in sqliteWrites.d.cts.

/**
 * Prepares the statements once and returns `writeAll(writes)`: every append and compaction of a
 * batch in one transaction (one fsync), each answered in order by the last sequence number it
 * wrote (0 for a compaction) or, for a compaction that failed, by `{ error, code }`. A compaction
 * runs in its own savepoint: if its data is refused, the appends it was batched with are stored.
 */
function prepareWrites(db) {
  const insert = db.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)')
  const deleteThrough = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?')
  const insertAt = db.prepare('INSERT INTO doc_updates (seq, doc_id, data) VALUES (?, ?, ?)')

  // The snapshot takes the sequence number of the last update it replaces, so order is kept.
  const compact = db.transaction((write) => {
    deleteThrough.run(write.documentId, write.throughSeq)
    insertAt.run(write.throughSeq, write.documentId, write.snapshot)
  })

  function append(write) {
    let seq = 0
    for (const update of write.updates) seq = Number(insert.run(write.documentId, update).lastInsertRowid)
    return seq
  }

  // A compaction's own bad data (a constraint, a blob too big) fails only that compaction. What
  // fails the database itself (busy, full disk, I/O) or ended the whole transaction fails the
  // batch, so nothing of it is half stored and the error keeps its code.
  function compactIsolated(write) {
    try {
      compact(write)
      return 0
    } catch (error) {
      const code = String((error && error.code) || '')
      const own = code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_TOOBIG'
      if (!own || !db.inTransaction) throw error
      return { error: String((error && error.message) || error), code }
    }
  }

  return db.transaction((writes) => writes.map((write) => ('snapshot' in write ? compactIsolated(write) : append(write))))
}

module.exports = { prepareWrites }
