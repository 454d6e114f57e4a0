import { afterEach } from 'vitest'
import type { PostgresPool } from './postgres/openPostgres.ts'
import { openTestPostgres } from './postgres/testDatabase.ts'
import { openSqlite, type SqliteDatabase } from './sqlite/openSqlite.ts'

/** How a shared adapter suite builds its stores on each database. */
export interface AdapterBuilders<T> {
  sqlite(db: SqliteDatabase): T
  postgres(pool: PostgresPool): T
}

/**
 * For tests: `describe.each` rows that build the stores on an in-memory SQLite database and, when
 * DATABASE_URL is set, on a throwaway PostgreSQL schema (set but unreachable fails, not skips).
 * Each database is closed after its test.
 */
export function storeAdapters<T>(build: AdapterBuilders<T>): Array<[string, () => Promise<T>]> {
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  const databaseUrl = process.env.DATABASE_URL || undefined
  const adapters: Array<[string, () => Promise<T>]> = [
    [
      'sqlite',
      async () => {
        const db = openSqlite(':memory:')
        cleanups.push(async () => void db.close())
        return build.sqlite(db)
      },
    ],
  ]
  if (databaseUrl) {
    adapters.push([
      'postgres',
      async () => {
        const db = await openTestPostgres(databaseUrl)
        cleanups.push(db.close)
        return build.postgres(db.pool)
      },
    ])
  }
  return adapters
}
