import { join } from 'node:path'
import {
  openPostgres,
  openSqlite,
  PostgresAppStore,
  PostgresClientIdStore,
  PostgresDocumentStore,
  PostgresVersionStore,
  PostgresMentionStore,
  SqliteAppStore,
  SqliteClientIdStore,
  SqliteDocumentStore,
  SqliteVersionStore,
  SqliteMentionStore,
  type AppStore,
  type ClientIdStore,
  type DocumentStore,
  type VersionStore,
  type MentionStore,
} from '@samskriv/storage'
import type { Config } from './config.ts'

export interface Stores {
  store: AppStore
  documents: DocumentStore
  versions: VersionStore
  mentions: MentionStore
  clientIds: ClientIdStore
  /** Flushes pending document updates, then closes the database. */
  close(): Promise<void>
}

/** PostgreSQL when DATABASE_URL is set, otherwise a SQLite file in the data directory. */
export async function openStores(config: Config): Promise<Stores> {
  if (config.databaseUrl) {
    const db = await openPostgres(config.databaseUrl)
    const documents = new PostgresDocumentStore(db.pool)
    return {
      store: new PostgresAppStore(db.pool),
      documents,
      versions: new PostgresVersionStore(db.pool),
      mentions: new PostgresMentionStore(db.pool),
      clientIds: new PostgresClientIdStore(db.pool),
      close: async () => {
        await documents.close()
        await db.close()
      },
    }
  }
  const db = openSqlite(join(config.dataDir, 'samskriv.sqlite'))
  const documents = new SqliteDocumentStore(db)
  return {
    store: new SqliteAppStore(db),
    documents,
    versions: new SqliteVersionStore(db),
    mentions: new SqliteMentionStore(db),
    clientIds: new SqliteClientIdStore(db),
    close: async () => {
      await documents.close()
      db.close()
    },
  }
}
