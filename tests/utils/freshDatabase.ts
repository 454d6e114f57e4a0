import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'

export interface FreshDatabase {
  /** DATABASE_URL of the new, empty database. */
  url: string
  drop(): void
}

function psql(url: string, sql: string): void {
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: ['ignore', 'ignore', 'pipe'] })
}

/** Creates an empty database next to the one `serverUrl` names, so test servers start from nothing. */
export function freshDatabase(serverUrl: string, prefix: string): FreshDatabase {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  psql(serverUrl, `CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => psql(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}
