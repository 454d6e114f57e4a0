import type { Database } from 'better-sqlite3'

/** An append of updates to a document's log, or the replacement of its prefix by a snapshot. */
export type LogWrite =
  | { documentId: string; updates: readonly Uint8Array[] }
  | { documentId: string; snapshot: Uint8Array; throughSeq: number }

/** The last sequence number a write stored (0 for a compaction), or why a compaction failed. */
export type LogWriteResult = number | { error: string; code?: string }

export function prepareWrites(db: Database): (writes: readonly LogWrite[]) => LogWriteResult[]
