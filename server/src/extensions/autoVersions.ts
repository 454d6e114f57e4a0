import type { RoomExtension } from '@samskriv/collab'
import { readSections } from '@samskriv/schema'
import type { VersionStore } from '@samskriv/storage'
import * as Y from 'yjs'
import { recordVersion } from '../services/versions.ts'
import type { ClientAuthors } from '../services/versionsAuthors.ts'

export interface AutoVersionsOptions {
  /** At most one periodic version per document per this many milliseconds while it is edited. */
  intervalMs: number
  /** Where to note which user writes with which Yjs client id, so diffs can name authors. */
  clientAuthors?: ClientAuthors
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
    // Runs after the permission guard accepted the update; it only takes notes and never refuses.
    beforeApplyUpdate({ room, connection, update }) {
      if (!options.clientAuthors) return
      let clients: Map<number, number>
      try {
        clients = Y.parseUpdateMeta(update).from
      } catch {
        return
      }
      options.clientAuthors.remember(room.documentId, clients.keys(), { userId: connection.context.userId, name: connection.context.name })
    },
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
