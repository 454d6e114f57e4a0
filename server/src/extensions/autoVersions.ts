import type { RoomExtension } from '@samskriv/collab'
import { readSections } from '@samskriv/schema'
import type { VersionStore } from '@samskriv/storage'
import type * as Y from 'yjs'
import { recordVersion } from '../services/versions.ts'

export interface AutoVersionsOptions {
  /** At most one periodic version per document per this many milliseconds while it is edited. */
  intervalMs: number
}

const REVIEW = 'klar-for-granskning'

function statusesOf(doc: Y.Doc): Map<string, string> {
  return new Map(readSections(doc).map((section) => [section.id, section.status]))
}

/**
 * Versions nobody has to remember to make: one when a section becomes "klar för granskning"
 * (the state the reviewers will read), and one periodically while the document is edited.
 * Runs after the update is durable, so a version never holds state that was not stored.
 */
export function autoVersions(versions: VersionStore, options: AutoVersionsOptions): RoomExtension {
  const statuses = new Map<string, Map<string, string>>()
  /** When the current editing period of a document began (its first edit since the last periodic version). */
  const periodStart = new Map<string, number>()
  return {
    onLoadDocument({ room, doc }) {
      statuses.set(room.documentId, statusesOf(doc))
      periodStart.delete(room.documentId)
    },
    async afterStoreUpdate({ room, authors }) {
      const documentId = room.documentId
      // The last writer stands for the change; server changes (lock API, restores) have no author here.
      const createdBy = authors.at(-1)?.context.userId ?? null
      const before = statuses.get(documentId) ?? new Map<string, string>()
      const after = statusesOf(room.doc)
      statuses.set(documentId, after)
      for (const section of readSections(room.doc)) {
        if (section.status === REVIEW && before.get(section.id) !== REVIEW) {
          await recordVersion(versions, documentId, room.doc, { kind: 'review', name: section.title, createdBy })
        }
      }
      if (authors.length === 0) return
      const now = Date.now()
      const start = periodStart.get(documentId)
      if (start === undefined) {
        periodStart.set(documentId, now)
        return
      }
      if (now - start < options.intervalMs) return
      periodStart.set(documentId, now)
      await recordVersion(versions, documentId, room.doc, { kind: 'periodic', createdBy })
    },
  }
}
