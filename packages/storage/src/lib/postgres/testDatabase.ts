import { randomBytes } from 'node:crypto'
import { openPostgres, quoteIdentifier, type PostgresDatabase } from './openPostgres.ts'

/**
 * For tests: a migrated, throwaway schema `test_<random>` in the database at `url`; `close`
 * drops it. Connection errors propagate, so a set-but-unreachable DATABASE_URL fails loudly.
 */
export async function openTestPostgres(url: string): Promise<PostgresDatabase> {
  const schema = `test_${randomBytes(6).toString('hex')}`
  const db = await openPostgres(url, { schema, max: 4 })
  return {
    pool: db.pool,
    close: async () => {
      try {
        await db.pool.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`)
      } finally {
        await db.close()
      }
    },
  }
}
