import pg from 'pg'
import { postgresMigrations } from './migrations.ts'

export type PostgresPool = pg.Pool

export interface PostgresDatabase {
  pool: pg.Pool
  /** Ends every pooled connection. */
  close(): Promise<void>
}

export interface OpenPostgresOptions {
  /** Schema to create (if missing) and use as `search_path`, e.g. a throwaway schema per test run. */
  schema?: string
  /** Pool size; defaults to pg's 10. */
  max?: number
}

/** Quotes an identifier for SQL; schema names come from configuration, not users, but still. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/**
 * Connects a pool and brings the schema up to date. Migrations run under an advisory lock, so
 * several instances starting at once apply each version exactly once.
 */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<PostgresDatabase> {
  const { schema } = options
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max,
    connectionTimeoutMillis: 10_000,
    // A database that hangs instead of refusing must not hold a room's queue forever: queries
    // time out (the room retries) and dead peers are noticed by TCP keepalive.
    query_timeout: 15_000,
    keepAlive: true,
    // search_path through the startup packet applies to every connection the pool opens.
    ...(schema ? { options: `-c search_path=${quoteIdentifier(schema)}` } : {}),
  })
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error('PostgreSQL-anslutning förlorad:', error.message))
  try {
    await migrate(pool, schema)
  } catch (error) {
    await pool.end()
    throw error
  }
  return { pool, close: () => pool.end() }
}

async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  const client = await pool.connect()
  const lockKey = `samskriv:migrations:${schema ?? ''}`
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey])
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`)
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)')
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
      const applied = new Set(rows.map((row) => row.version))
      for (let index = 0; index < postgresMigrations.length; index++) {
        const version = index + 1
        if (applied.has(version)) continue
        await client.query('BEGIN')
        try {
          await client.query(postgresMigrations[index] ?? '')
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, new Date().toISOString()])
          await client.query('COMMIT')
        } catch (error) {
          await client.query('ROLLBACK')
          throw error
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey])
    }
  } finally {
    client.release()
  }
}
