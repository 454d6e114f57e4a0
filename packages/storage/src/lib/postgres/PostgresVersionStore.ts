import type pg from 'pg'
import type { Row } from '../rows.ts'
import { pendingReviewFromRow, VERSION_COLUMNS, versionFromRow, versionPageFilter, type ListVersionsOptions, type NewVersion, type PendingReview, type StoredVersion, type VersionKind, type VersionRecord, type VersionStore } from '../VersionStore.ts'

/** Document versions in PostgreSQL, mirroring `SqliteVersionStore` query for query. */
export class PostgresVersionStore implements VersionStore {
  constructor(private readonly pool: pg.Pool) {}

  async createVersion(v: NewVersion): Promise<void> {
    await this.pool.query(
      'INSERT INTO doc_versions (id, doc_id, kind, name, created_by, created_at, snapshot) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [v.id, v.documentId, v.kind, v.name, v.createdBy, v.createdAt, Buffer.from(v.snapshot.buffer, v.snapshot.byteOffset, v.snapshot.byteLength)],
    )
  }

  async listVersions(documentId: string, options: ListVersionsOptions = {}): Promise<VersionRecord[]> {
    const page = versionPageFilter(options, (n) => `$${n}`)
    // COLLATE "C" orders ids by bytes, as SQLite does, so ties sort the same on both adapters.
    const { rows } = await this.pool.query<Row>(
      `SELECT ${VERSION_COLUMNS} FROM doc_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.doc_id = $1${page.where} ORDER BY v.created_at DESC, v.id COLLATE "C" DESC${page.limit}`,
      [documentId, ...page.params],
    )
    return rows.map(versionFromRow)
  }

  async pruneVersions(documentId: string, kind: VersionKind, keep: number): Promise<number> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM doc_versions WHERE doc_id = $1 AND kind = $2 AND id NOT IN
         (SELECT id FROM doc_versions WHERE doc_id = $1 AND kind = $2 ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT $3)`,
      [documentId, kind, Math.max(0, Math.floor(keep))],
    )
    return rowCount ?? 0
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

  async savePendingReview(p: PendingReview): Promise<void> {
    await this.pool.query(
      `INSERT INTO pending_reviews (doc_id, id, sections, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (doc_id) DO UPDATE SET id = excluded.id, sections = excluded.sections, created_by = excluded.created_by`,
      [p.documentId, p.id, JSON.stringify(p.sections), p.createdBy],
    )
  }

  async findPendingReview(documentId: string): Promise<PendingReview | undefined> {
    const { rows } = await this.pool.query<Row>('SELECT doc_id, id, sections, created_by FROM pending_reviews WHERE doc_id = $1', [documentId])
    return rows[0] && pendingReviewFromRow(rows[0])
  }

  async deletePendingReview(documentId: string, id: string): Promise<void> {
    await this.pool.query('DELETE FROM pending_reviews WHERE doc_id = $1 AND id = $2', [documentId, id])
  }
}
