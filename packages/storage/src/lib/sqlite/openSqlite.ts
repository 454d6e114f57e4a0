import Database from 'better-sqlite3'
import { mkdirSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { sqliteMigrations } from './migrations.ts'

export type SqliteDatabase = Database.Database

/**
 * Opens (or creates) the database file and brings its schema up to date.
 * WAL + synchronous=FULL: a committed transaction survives kill -9 and power loss.
 */
export function openSqlite(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  presizeWal(db)
  return db
}

/**
 * Writes a new write-ahead log out to its checkpoint size once, at open (about 30 ms). Until the
 * log has wrapped, every commit extends the file, and an fsync that extends a file also waits for
 * the filesystem's journal: on the bench machine under load that is 1.5–4 ms at p99 per commit
 * instead of 0.3 ms, and every update waits for its commit before it is broadcast. After this the
 * log is rewritten in place, as it is anyway once it has been checkpointed the first time.
 * Each commit rewrites the header page unchanged, so nothing that matters is written and those
 * commits need no fsync; one synced commit at the end makes the whole log durable.
 */
function presizeWal(db: SqliteDatabase): void {
  if (db.memory) return
  const pages = db.pragma('wal_autocheckpoint', { simple: true }) as number
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const fullSize = 32 + pages * (24 + pageSize)
  const walSize = () => statSync(`${db.name}-wal`, { throwIfNoEntry: false })?.size ?? 0
  const version = db.pragma('user_version', { simple: true }) as number
  const rewriteHeader = () => db.pragma(`user_version = ${version}`)
  db.pragma('synchronous = OFF')
  try {
    for (let commit = 0; commit <= pages && walSize() < fullSize; commit++) rewriteHeader()
  } finally {
    db.pragma('synchronous = FULL')
  }
  rewriteHeader()
}

function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < sqliteMigrations.length; version++) {
    db.transaction(() => {
      db.exec(sqliteMigrations[version] ?? '')
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
