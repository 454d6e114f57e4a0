import type pg from 'pg'
import type { Row } from '../rows.ts'
import { VERSION_COLUMNS, versionFromRow, type NewVersion, type StoredVersion, type VersionRecord, type VersionStore } from '../VersionStore.ts'

/** Document versions in PostgreSQL, mirroring `SqliteVersionStore` query for query. */
export class PostgresVersionStore implements VersionStore {
  constructor(private readonly pool: pg.Pool) {}

  async createVersion(v: NewVersion): Promise<void> {
    await this.pool.query(
      'INSERT INTO doc_versions (id, doc_id, kind, name, created_by, created_at, snapshot) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [v.id, v.documentId, v.kind, v.name, v.createdBy, v.createdAt, Buffer.from(v.snapshot.buffer, v.snapshot.byteOffset, v.snapshot.byteLength)],
    )
  }

  async listVersions(documentId: string): Promise<VersionRecord[]> {
    // COLLATE "C" orders ids by bytes, as SQLite does, so ties sort the same on both adapters.
    const { rows } = await this.pool.query<Row>(
      `SELECT ${VERSION_COLUMNS} FROM doc_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.doc_id = $1 ORDER BY v.created_at DESC, v.id COLLATE "C" DESC`,
      [documentId],
    )
    return rows.map(versionFromRow)
  }

  async findVersion(documentId: string, versionId: string): Promise<StoredVersion | undefined> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${VERSION_COLUMNS}, v.snapshot FROM doc_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.doc_id = $1 AND v.id = $2`,
      [documentId, versionId],
    )
    const row = rows[0]
    if (!row) return undefined
    const snapshot = row.snapshot as Buffer
    return { ...versionFromRow(row), snapshot: new Uint8Array(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength) }
  }
}
