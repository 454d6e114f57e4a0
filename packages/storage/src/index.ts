export type { DocumentStore, StoredDocument } from './lib/DocumentStore.ts'
export { MemoryDocumentStore } from './lib/MemoryDocumentStore.ts'
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
