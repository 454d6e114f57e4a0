import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export interface Config {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  redisUrl: string | undefined
  /** Origins allowed to open cookie-authenticated WebSockets (besides the server's own). */
  allowedOrigins: string[]
  /** Directory of the built client, served at `/`. */
  clientDir: string
  /** Set cookies with `Secure` (behind HTTPS). */
  secureCookies: boolean
  /** Behind a reverse proxy that appends the client's address to X-Forwarded-For: believe its last entry. */
  trustProxy: boolean
  limits: {
    maxFrameBytes: number
    messagesPerSecond: number
    maxDocumentBytes: number
    maxAwarenessBytes: number
  }
  unloadAfterMs: number
  compactAfter: number
  /** An open document unchanged this long is kept only encoded until the next change (0: never). */
  hibernateAfterMs: number
  /** Every socket is pinged this often; one that did not answer the last ping is closed (0: never). */
  heartbeatMs: number
  /** At most one periodic version per document per this many milliseconds while it is edited. */
  versionIntervalMs: number
}

function int(value: string | undefined, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10)
  return Number.isFinite(parsed) ? parsed : fallback
}

/**
 * A relative DATA_DIR was read from server/ (where `pnpm start` runs) before it was read from
 * where the user ran the command. A database left at the old place is used from there, with a
 * warning, rather than starting on an empty one that would look like every document was lost.
 */
function dataDirOf(path: string, env: NodeJS.ProcessEnv, exists: (path: string) => boolean): string {
  const wanted = resolve(env.INIT_CWD ?? process.cwd(), path)
  const earlier = resolve(process.cwd(), path)
  if (earlier === wanted || exists(join(wanted, 'samskriv.sqlite')) || !exists(join(earlier, 'samskriv.sqlite'))) return wanted
  console.warn(
    `DATA_DIR=${path}: databasen ligger i ${earlier} (där en relativ sökväg tidigare lästes från) och används därifrån. ` +
      `Flytta den till ${wanted} eller ange en absolut sökväg.`,
  )
  return earlier
}

/** Reads the environment once, at start-up; nothing else reads `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): Config {
  const port = int(env.PORT, 8787)
  const host = env.HOST ?? '127.0.0.1'
  // `pnpm start` runs the server in server/; a relative path means where the user typed the
  // command, which pnpm passes on as INIT_CWD.
  const fromUser = (path: string) => resolve(env.INIT_CWD ?? process.cwd(), path)
  return {
    port,
    host,
    // By default the repository's data/, wherever the command ran.
    dataDir: env.DATA_DIR ? dataDirOf(env.DATA_DIR, env, exists) : new URL('../../data', import.meta.url).pathname,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
    clientDir: env.CLIENT_DIR ? fromUser(env.CLIENT_DIR) : new URL('../../client/dist', import.meta.url).pathname,
    secureCookies: env.SECURE_COOKIES === 'true',
    trustProxy: env.TRUST_PROXY === 'true',
    limits: {
      maxFrameBytes: int(env.MAX_FRAME_BYTES, 8 * 1024 * 1024),
      messagesPerSecond: int(env.MAX_MESSAGES_PER_SECOND, 300),
      maxDocumentBytes: int(env.MAX_DOCUMENT_BYTES, 64 * 1024 * 1024),
      maxAwarenessBytes: int(env.MAX_AWARENESS_BYTES, 16 * 1024),
    },
    unloadAfterMs: int(env.UNLOAD_AFTER_MS, 10_000),
    compactAfter: int(env.COMPACT_AFTER, 500),
    hibernateAfterMs: int(env.HIBERNATE_AFTER_MS, 60_000),
    heartbeatMs: int(env.HEARTBEAT_MS, 30_000),
    versionIntervalMs: int(env.VERSION_INTERVAL_MS, 10 * 60 * 1000),
  }
}
