import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
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
  return db
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
