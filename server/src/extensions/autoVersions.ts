import { REMOTE_ORIGIN, type Connection, type Room, type RoomExtension } from '@samskriv/collab'
import { onSectionsChange, readSections, readSectionStatuses } from '@samskriv/schema'
import type { VersionStore } from '@samskriv/storage'
import * as Y from 'yjs'
import { recordVersion } from '../services/versions.ts'
import type { ClientAuthors } from '../services/versionsAuthors.ts'

export interface AutoVersionsOptions {
  /** At most one periodic version per document per this many milliseconds while it is edited. */
  intervalMs: number
  /** Periodic versions kept per document (default 50); older ones are deleted. Other kinds are never thinned. */
  keepPeriodic?: number
  /** Where to note which user writes with which Yjs client id, so diffs can name authors. */
  clientAuthors?: ClientAuthors
}

const REVIEW = 'klar-for-granskning'
const KEEP_PERIODIC = 50

/** What the extension keeps per open document, dropped when the room leaves memory. */
interface OpenDocument {
  room: Room
  /** Section statuses after the last stored update, to see a section become ready for review. */
  statuses: Map<string, string>
  /** When the current editing period began (its first edit since the last periodic version). */
  periodStart?: number
}

/** The client ids under which `update` holds items the document does not have yet. */
function newClientIds(doc: Y.Doc, update: Uint8Array): number[] {
  let to: Map<number, number>
  try {
    to = Y.parseUpdateMeta(update).to
  } catch {
    return []
  }
  return [...to].filter(([clientId, clock]) => clock > Y.getState(doc.store, clientId)).map(([clientId]) => clientId)
}

/**
 * Versions nobody has to remember to make: one when a section becomes "klar för granskning"
 * (the state the reviewers will read), and one periodically while the document is edited (the
 * newest `keepPeriodic` kept). Runs after the update is durable, so a version never holds state
 * that was not stored.
 *
 * It also credits Yjs client ids to users for `ClientAuthors`: by the connection that delivered
 * new items under an id, once its batch is stored. Items a connection relays that the server
 * already has bind nothing; an id two users delivered new items under is credited to nobody.
 */
export function autoVersions(versions: VersionStore, options: AutoVersionsOptions): RoomExtension {
  const open = new Map<string, OpenDocument>()
  /** Client ids each connection delivered new items under, until its batch is stored. */
  const delivered = new WeakMap<Connection, Set<number>>()
  /**
   * Per Y.Doc listened to: whether a change made here touched the outline or a section's metadata
   * since the last stored update. Reading every status after each keystroke cost more than
   * applying the keystroke. A room that wakes from hibernating has a new Y.Doc, hence per doc.
   */
  const touched = new WeakMap<Y.Doc, { since: boolean }>()
  /** The flag of `doc`, listening to it from now on if nothing did yet. */
  function watch(room: Room, doc: Y.Doc): { since: boolean } {
    const known = touched.get(doc)
    if (known) return known
    const flag = { since: false }
    touched.set(doc, flag)
    onSectionsChange(doc, (origin, sectionIds) => {
      if (origin !== REMOTE_ORIGIN) {
        flag.since = true
        return
      }
      // Another instance stored this change and made its versions: here it is the new baseline
      // (of this room's own state: an old room still unloading must not touch a newer one's).
      // Only for the sections it touched, so a change made here and not yet seen still counts.
      const state = open.get(room.documentId)
      if (state?.room !== room) return
      const now = readSectionStatuses(doc)
      for (const id of sectionIds ?? new Set([...now.keys(), ...state.statuses.keys()])) {
        const status = now.get(id)
        if (status === undefined) state.statuses.delete(id)
        else state.statuses.set(id, status)
      }
    })
    return flag
  }
  return {
    // Runs after the permission guard accepted the update; it only takes notes and never refuses.
    beforeApplyUpdate({ room, connection, update }) {
      if (!options.clientAuthors) return
      const ids = newClientIds(room.doc, update)
      if (ids.length === 0) return
      const noted = delivered.get(connection)
      if (noted) for (const id of ids) noted.add(id)
      else delivered.set(connection, new Set(ids))
    },
    onLoadDocument({ room, doc }) {
      watch(room, doc)
      open.set(room.documentId, { room, statuses: readSectionStatuses(doc) })
    },
    onWake({ room, doc }) {
      watch(room, doc)
    },
    onUnload({ room }) {
      // A room that is still unloading must not drop the state of a newer room of the same document.
      // (Client authors stay: diffs are asked for after everyone left; `ClientAuthors` bounds itself.)
      if (open.get(room.documentId)?.room === room) open.delete(room.documentId)
    },
    async afterStoreUpdate({ room, authors }) {
      const documentId = room.documentId
      for (const connection of authors) {
        const ids = delivered.get(connection)
        if (!ids) continue
        delivered.delete(connection)
        options.clientAuthors?.remember(documentId, ids, { userId: connection.context.userId, name: connection.context.name })
      }
      // Read when a change made here touched the outline or a status, or when nothing listened.
      const listened = touched.has(room.doc)
      const flag = watch(room, room.doc)
      const changed = !listened || flag.since || !open.has(documentId)
      flag.since = false
      let state = open.get(documentId)
      if (!state) open.set(documentId, (state = { room, statuses: new Map() }))
      // The last writer stands for the change; server changes (lock API, restores) have no author here.
      const createdBy = authors.at(-1)?.context.userId ?? null
      const before = state.statuses
      if (changed) state.statuses = readSectionStatuses(room.doc)
      const ready = changed ? [...state.statuses].filter(([id, status]) => status === REVIEW && before.get(id) !== REVIEW) : []
      // Titles are read only when a section did become ready, not after every keystroke.
      const sections = ready.length > 0 ? readSections(room.doc) : []
      for (const [id] of ready) {
        const title = sections.find((section) => section.id === id)?.title ?? ''
        await recordVersion(versions, documentId, room.doc, { kind: 'review', name: title, createdBy })
      }
      if (authors.length === 0) return
      const now = Date.now()
      if (state.periodStart === undefined) {
        state.periodStart = now
        return
      }
      if (now - state.periodStart < options.intervalMs) return
      state.periodStart = now
      await recordVersion(versions, documentId, room.doc, { kind: 'periodic', createdBy })
      // Periodic versions pile up while a document is edited for months; the deliberate kinds
      // (named, lock, review, restore-point) are never thinned.
      await versions.pruneVersions(documentId, 'periodic', options.keepPeriodic ?? KEEP_PERIODIC)
    },
  }
}
