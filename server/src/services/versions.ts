import { randomUUID } from 'node:crypto'
import type { VersionKind, VersionRecord, VersionStore } from '@samskriv/storage'
import { Root } from '@samskriv/schema'
import * as Y from 'yjs'

let lastStamp = 0

/**
 * Now as an ISO string, strictly later than the previous call: versions made in the same
 * millisecond (a restore point and the lock version after it) still list in the order made.
 */
function versionTime(): string {
  lastStamp = Math.max(Date.now(), lastStamp + 1)
  return new Date(lastStamp).toISOString()
}

/**
 * Saves the document's full state as a version. A full state (not a log position) keeps the
 * version readable after the update log is compacted.
 */
export async function recordVersion(
  store: VersionStore,
  documentId: string,
  state: Y.Doc | Uint8Array,
  version: { kind: VersionKind; name?: string | null; createdBy?: string | null },
): Promise<VersionRecord> {
  const record = {
    id: randomUUID(),
    documentId,
    kind: version.kind,
    name: version.name ?? null,
    createdBy: version.createdBy ?? null,
    createdAt: versionTime(),
  }
  const snapshot = state instanceof Uint8Array ? state : Y.encodeStateAsUpdate(state)
  await store.createVersion({ ...record, snapshot })
  return record
}

/** A version's snapshot as a fresh, read-only-by-convention Y.Doc. */
export function docOfSnapshot(snapshot: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: true })
  Y.applyUpdate(doc, snapshot)
  return doc
}

/** A section's title in a document state ('' when it has none), to label versions. */
export function sectionTitle(doc: Y.Doc, sectionId: string): string {
  const title = doc.getMap<Y.Map<unknown>>(Root.sections).get(sectionId)?.get('title')
  return typeof title === 'string' ? title : ''
}
