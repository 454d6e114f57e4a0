/** A document's durable state: the compacted snapshot (if any) followed by later updates, in order. */
export interface StoredDocument {
  updates: Uint8Array[]
  /** Sequence number of the last stored update; pass it to `compact`. 0 when empty. */
  lastSeq: number
}

/**
 * Durable Yjs update log per document. Every accepted update is appended (and durable when the
 * promise resolves) before anyone sees it; `compact` replaces a prefix of the log with one snapshot.
 */
export interface DocumentStore {
  load(documentId: string): Promise<StoredDocument>
  /** Appends updates in order; resolves with the last sequence number once they are durable. */
  appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number>
  /** Replaces every update with seq ≤ `throughSeq` by `snapshot` (the merged state of those updates). */
  compact(documentId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>
  /** Number of log entries (snapshot included), to decide when to compact. */
  countUpdates(documentId: string): Promise<number>
  close(): Promise<void>
}
