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

/**
 * `recordVersion` for the versions nobody asked for by name (review, restore point): when the
 * document's newest version already holds exactly this state, nothing is stored and that version
 * is handed back (`stored: false`): a second full copy would add nothing to the history but its
 * size. Not when the newest is `periodic`: those are thinned, and the state must stay in history.
 * The comparison is of the encoded states, byte for byte (one indexed read of the newest version;
 * a state rebuilt in another Y.Doc may encode differently and is then stored, which only costs
 * the copy).
 */
export async function recordVersionUnlessLatest(
  store: VersionStore,
  documentId: string,
  state: Y.Doc | Uint8Array,
  version: { kind: VersionKind; name?: string | null; createdBy?: string | null },
): Promise<{ record: VersionRecord; stored: boolean }> {
  const snapshot = state instanceof Uint8Array ? state : Y.encodeStateAsUpdate(state)
  const [latest] = await store.listVersions(documentId, { limit: 1 })
  if (latest && latest.kind !== 'periodic') {
    const held = (await store.findVersion(documentId, latest.id))?.snapshot
    if (held && sameBytes(held, snapshot)) return { record: latest, stored: false }
  }
  return { record: await recordVersion(store, documentId, snapshot, version), stored: true }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))
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
