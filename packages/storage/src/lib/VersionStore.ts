/**
 * Why a version was made. `named`: a coordinator saved it with a name; `lock`: a section was
 * locked; `review`: a section became "klar för granskning"; `periodic`: taken while the document
 * is edited (at most one per interval); `restore-point`: the state just before a restore, so the
 * restore can itself be undone.
 */
export const VERSION_KINDS = ['named', 'lock', 'review', 'periodic', 'restore-point'] as const
export type VersionKind = (typeof VERSION_KINDS)[number]

/** One saved version of a document, without its snapshot. */
export interface VersionRecord {
  id: string
  documentId: string
  kind: VersionKind
  /** The coordinator's name for a named version; a short label (e.g. the section title) otherwise. */
  name: string | null
  /** The acting user (for periodic versions the last writer); null when nobody is known. */
  createdBy: string | null
  /** The creator's display name, when the user still exists. */
  createdByName?: string
  createdAt: string
}

/** A version with its content: `Y.encodeStateAsUpdate` of the whole document at that moment. */
export interface StoredVersion extends VersionRecord {
  snapshot: Uint8Array
}

export type NewVersion = Omit<StoredVersion, 'createdByName'>

/** A page of a document's versions: at most `limit`, only those made strictly before/after a `createdAt`. */
export interface ListVersionsOptions {
  limit?: number
  before?: string
  after?: string
}

/**
 * Sections made ready for review whose review version waits for the end of the document's review
 * window (table `pending_reviews`, at most one per document). Stored so that a crash before the
 * window ends loses no "ready for review".
 */
export interface PendingReview {
  documentId: string
  /** Names this pending review through its saves, so finishing it never removes a newer one. */
  id: string
  /** The sections and their titles, in the order they became ready. */
  sections: Array<{ id: string; title: string }>
  /** The last writer who made one ready. */
  createdBy: string | null
}

/** Saved versions of documents (table `doc_versions`). Snapshots are full states, independent of log compaction. */
export interface VersionStore {
  createVersion(version: NewVersion): Promise<void>
  /** A document's versions, newest first (ties by id, descending); all of them unless `limit` is given. */
  listVersions(documentId: string, options?: ListVersionsOptions): Promise<VersionRecord[]>
  /** One version of this document with its snapshot; undefined for another document's id. */
  findVersion(documentId: string, versionId: string): Promise<StoredVersion | undefined>
  /** Deletes a document's versions of one kind except the newest `keep`; resolves to how many went. */
  pruneVersions(documentId: string, kind: VersionKind, keep: number): Promise<number>
  /** Stores the document's pending review, replacing the one it had. */
  savePendingReview(pending: PendingReview): Promise<void>
  findPendingReview(documentId: string): Promise<PendingReview | undefined>
  /** Removes the document's pending review if it is still the one named `id`. */
  deletePendingReview(documentId: string, id: string): Promise<void>
}

/** A `pending_reviews` row from either SQL adapter to a record. */
export function pendingReviewFromRow(row: Record<string, unknown>): PendingReview {
  return {
    documentId: row.doc_id as string,
    id: row.id as string,
    sections: JSON.parse(row.sections as string) as PendingReview['sections'],
    createdBy: (row.created_by as string | null) ?? null,
  }
}

/** Columns both SQL adapters select for a version (joined with `users u` for the name). */
export const VERSION_COLUMNS = 'v.id, v.doc_id, v.kind, v.name, v.created_by, v.created_at, u.name AS created_by_name'

/**
 * The WHERE clause and parameters of a version page after `doc_id = <first parameter>`; `param(n)`
 * spells the n-th placeholder of the adapter (`?` or `$n`).
 */
export function versionPageFilter(options: ListVersionsOptions, param: (n: number) => string): { where: string; params: string[]; limit: string } {
  const params: string[] = []
  let where = ''
  if (options.before !== undefined) {
    params.push(options.before)
    where += ` AND v.created_at < ${param(params.length + 1)}`
  }
  if (options.after !== undefined) {
    params.push(options.after)
    where += ` AND v.created_at > ${param(params.length + 1)}`
  }
  const limit = options.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`
  return { where, params, limit }
}

/** A `doc_versions` row from either SQL adapter to a record. */
export function versionFromRow(row: Record<string, unknown>): VersionRecord {
  return {
    id: row.id as string,
    documentId: row.doc_id as string,
    kind: row.kind as VersionKind,
    name: (row.name as string | null) ?? null,
    createdBy: (row.created_by as string | null) ?? null,
    ...(row.created_by_name ? { createdByName: row.created_by_name as string } : {}),
    createdAt: row.created_at as string,
  }
}
