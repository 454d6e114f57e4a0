import type { Row } from '../rows.ts'
import { VERSION_COLUMNS, versionFromRow, type NewVersion, type StoredVersion, type VersionRecord, type VersionStore } from '../VersionStore.ts'
import type { SqliteDatabase } from './openSqlite.ts'

/** Document versions in the SQLite file. Synchronous underneath, async to match PostgreSQL. */
export class SqliteVersionStore implements VersionStore {
  constructor(private readonly db: SqliteDatabase) {}

  async createVersion(v: NewVersion): Promise<void> {
    this.db
      .prepare('INSERT INTO doc_versions (id, doc_id, kind, name, created_by, created_at, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(v.id, v.documentId, v.kind, v.name, v.createdBy, v.createdAt, Buffer.from(v.snapshot.buffer, v.snapshot.byteOffset, v.snapshot.byteLength))
  }

  async listVersions(documentId: string): Promise<VersionRecord[]> {
    const rows = this.db
      .prepare(`SELECT ${VERSION_COLUMNS} FROM doc_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.doc_id = ? ORDER BY v.created_at DESC, v.id DESC`)
      .all(documentId) as Row[]
    return rows.map(versionFromRow)
  }

  async findVersion(documentId: string, versionId: string): Promise<StoredVersion | undefined> {
    const row = this.db
      .prepare(`SELECT ${VERSION_COLUMNS}, v.snapshot FROM doc_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.doc_id = ? AND v.id = ?`)
      .get(documentId, versionId) as Row | undefined
    if (!row) return undefined
    const snapshot = row.snapshot as Buffer
    return { ...versionFromRow(row), snapshot: new Uint8Array(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength) }
  }
}
