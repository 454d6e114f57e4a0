import type { Row } from '../rows.ts'
import { pendingReviewFromRow, VERSION_COLUMNS, versionFromRow, versionPageFilter, type ListVersionsOptions, type NewVersion, type PendingReview, type StoredVersion, type VersionKind, type VersionRecord, type VersionStore } from '../VersionStore.ts'
import type { SqliteDatabase } from './openSqlite.ts'

/** Document versions in the SQLite file. Synchronous underneath, async to match PostgreSQL. */
export class SqliteVersionStore implements VersionStore {
  constructor(private readonly db: SqliteDatabase) {}

  async createVersion(v: NewVersion): Promise<void> {
    this.db
      .prepare('INSERT INTO doc_versions (id, doc_id, kind, name, created_by, created_at, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(v.id, v.documentId, v.kind, v.name, v.createdBy, v.createdAt, Buffer.from(v.snapshot.buffer, v.snapshot.byteOffset, v.snapshot.byteLength))
  }

  async listVersions(documentId: string, options: ListVersionsOptions = {}): Promise<VersionRecord[]> {
    const page = versionPageFilter(options, () => '?')
    const rows = this.db
      .prepare(`SELECT ${VERSION_COLUMNS} FROM doc_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.doc_id = ?${page.where} ORDER BY v.created_at DESC, v.id DESC${page.limit}`)
      .all(documentId, ...page.params) as Row[]
    return rows.map(versionFromRow)
  }

  async pruneVersions(documentId: string, kind: VersionKind, keep: number): Promise<number> {
    const result = this.db
      .prepare(
        `DELETE FROM doc_versions WHERE doc_id = ? AND kind = ? AND id NOT IN
           (SELECT id FROM doc_versions WHERE doc_id = ? AND kind = ? ORDER BY created_at DESC, id DESC LIMIT ?)`,
      )
      .run(documentId, kind, documentId, kind, Math.max(0, Math.floor(keep)))
    return Number(result.changes)
  }

  async findVersion(documentId: string, versionId: string): Promise<StoredVersion | undefined> {
    const row = this.db
      .prepare(`SELECT ${VERSION_COLUMNS}, v.snapshot FROM doc_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.doc_id = ? AND v.id = ?`)
      .get(documentId, versionId) as Row | undefined
    if (!row) return undefined
    const snapshot = row.snapshot as Buffer
    return { ...versionFromRow(row), snapshot: new Uint8Array(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength) }
  }

  async savePendingReview(p: PendingReview): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO pending_reviews (doc_id, id, sections, created_by) VALUES (?, ?, ?, ?)
           ON CONFLICT (doc_id) DO UPDATE SET id = excluded.id, sections = excluded.sections, created_by = excluded.created_by`,
      )
      .run(p.documentId, p.id, JSON.stringify(p.sections), p.createdBy)
  }

  async findPendingReview(documentId: string): Promise<PendingReview | undefined> {
    const row = this.db.prepare('SELECT doc_id, id, sections, created_by FROM pending_reviews WHERE doc_id = ?').get(documentId) as Row | undefined
    return row && pendingReviewFromRow(row)
  }

  async deletePendingReview(documentId: string, id: string): Promise<void> {
    this.db.prepare('DELETE FROM pending_reviews WHERE doc_id = ? AND id = ?').run(documentId, id)
  }
}
