export type { DocumentStore, StoredDocument } from './lib/DocumentStore.ts'
export { MemoryDocumentStore } from './lib/MemoryDocumentStore.ts'
export { LastCoordinatorError } from './lib/LastCoordinatorError.ts'
export type {
  AppStore,
  AuditRecord,
  DocumentRecord,
  InvitationRecord,
  MemberRecord,
  NewAudit,
  SessionRecord,
  UserRecord,
  WorkspaceRecord,
} from './lib/AppStore.ts'
export { openSqlite } from './lib/sqlite/openSqlite.ts'
export type { SqliteDatabase } from './lib/sqlite/openSqlite.ts'
export { SqliteDocumentStore } from './lib/sqlite/SqliteDocumentStore.ts'
export { SqliteAppStore } from './lib/sqlite/SqliteAppStore.ts'
export { openPostgres } from './lib/postgres/openPostgres.ts'
export type { OpenPostgresOptions, PostgresDatabase } from './lib/postgres/openPostgres.ts'
export { PostgresDocumentStore } from './lib/postgres/PostgresDocumentStore.ts'
export { PostgresAppStore } from './lib/postgres/PostgresAppStore.ts'
export { VERSION_KINDS } from './lib/VersionStore.ts'
export type { NewVersion, PendingReview, StoredVersion, VersionKind, VersionRecord, VersionStore } from './lib/VersionStore.ts'
export { SqliteVersionStore } from './lib/sqlite/SqliteVersionStore.ts'
export { PostgresVersionStore } from './lib/postgres/PostgresVersionStore.ts'
export type { MentionListItem, MentionRecord, MentionSource, MentionStore, NewMention } from './lib/MentionStore.ts'
export { SqliteMentionStore } from './lib/sqlite/SqliteMentionStore.ts'
export { PostgresMentionStore } from './lib/postgres/PostgresMentionStore.ts'
export type { ClientIdBinding, ClientIdStore } from './lib/ClientIdStore.ts'
export { MemoryClientIdStore } from './lib/MemoryClientIdStore.ts'
export { SqliteClientIdStore } from './lib/sqlite/SqliteClientIdStore.ts'
export { PostgresClientIdStore } from './lib/postgres/PostgresClientIdStore.ts'
