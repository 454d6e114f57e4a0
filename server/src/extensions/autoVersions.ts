import { randomUUID } from 'node:crypto'
import { REMOTE_ORIGIN, type Connection, type Room, type RoomExtension } from '@samskriv/collab'
import { onSectionsChange, readSections, readSectionStatuses } from '@samskriv/schema'
import type { PendingReview as StoredPendingReview, VersionStore } from '@samskriv/storage'
import * as Y from 'yjs'
import { recordVersion, recordVersionUnlessLatest } from '../services/versions.ts'
import type { ClientAuthors } from '../services/versionsAuthors.ts'

export interface AutoVersionsOptions {
  /** At most one periodic version per document per this many milliseconds while it is edited. */
  intervalMs: number
  /**
   * At most one review version per document per this many milliseconds (default one minute, or
   * `intervalMs` when that is shorter). Sections that become ready meanwhile get one version when
   * the window ends, of the state then.
   */
  reviewIntervalMs?: number
  /** Periodic versions kept per document (default 50); older ones are deleted. Other kinds are never thinned. */
  keepPeriodic?: number
  /** Where to note which user writes with which Yjs client id, so diffs can name authors. */
  clientAuthors?: ClientAuthors
}

const REVIEW = 'klar-for-granskning'
const KEEP_PERIODIC = 50
const REVIEW_INTERVAL_MS = 60_000
/** Documents whose last review time is remembered before old ones are forgotten (see `noteReview`). */
const REVIEW_TIMES_KEPT = 10_000

/** What the extension keeps per open document, dropped when the room leaves memory. */
interface OpenDocument {
  room: Room
  /** Section statuses after the last stored update, to see a section become ready for review. */
  statuses: Map<string, string>
  /** When the current editing period began (its first edit since the last periodic version). */
  periodStart?: number
}

/**
 * Sections that became ready for review while the document's review window was closed. Also
 * stored (`VersionStore.savePendingReview`), so that a crash before the window ends loses none.
 */
interface PendingReview {
  room: Room
  /** Names the stored record, so finishing this one never removes a newer one. */
  id: string
  /** Their titles by section id, in the order they became ready. */
  sections: Map<string, string>
  /** The last writer who made one ready. */
  createdBy: string | null
  timer?: NodeJS.Timeout
  /** The last save of the record (never rejects). */
  saved: Promise<void>
}

/** A review version's name: the section's title, or the first titles and how many more. */
export function reviewName(titles: string[]): string {
  return titles.length <= 3 ? titles.join(', ') : `${titles.slice(0, 2).join(', ')} +${titles.length - 2}`
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
 * Versions nobody has to remember to make: one when sections become "klar för granskning"
 * (the state the reviewers will read), and one periodically while the document is edited (the
 * newest `keepPeriodic` kept). Runs after the update is durable, so a version never holds state
 * that was not stored.
 *
 * Review versions are full snapshots that are never thinned, so they are paced: one per update
 * however many sections it made ready, none when the newest version already holds the state, and
 * at most one per document per `reviewIntervalMs`. A section made ready while that window is
 * closed is not skipped: one version of the state at the window's end (or when the room leaves
 * memory, if sooner) covers every section made ready meanwhile. Before, an editor flipping every
 * section's status stored one snapshot per section per flip and stalled the server while doing it.
 * Such a waiting review is also stored, before the room takes its next batch, and removed once its
 * version is made: a server killed meanwhile makes it when the document is next loaded (before,
 * the restarted server took the stored statuses as its baseline and the "ready" had no version).
 * Shutdown awaits the versions the unloads started (`onDestroy`).
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
  const reviewIntervalMs = options.reviewIntervalMs ?? Math.min(REVIEW_INTERVAL_MS, options.intervalMs)
  /** When each document's last review version was made; outlives the room, so reopening it does not reopen the window. */
  const lastReview = new Map<string, number>()
  const pendingReviews = new Map<string, PendingReview>()
  /** Per document, the pending reviews being stored (to await before loading it again, and on shutdown). */
  const flushing = new Map<string, Promise<void>>()
  /** Pending reviews read from the store by `beforeLoadDocument`, for `onLoadDocument`. */
  const recovered = new Map<string, StoredPendingReview>()

  function noteReview(documentId: string, at: number): void {
    lastReview.delete(documentId)
    lastReview.set(documentId, at)
    if (lastReview.size <= REVIEW_TIMES_KEPT) return
    // Only times within the window still matter; the oldest go first (insertion order is recency).
    for (const [id, time] of lastReview) {
      if (lastReview.size <= REVIEW_TIMES_KEPT && at - time < reviewIntervalMs) break
      lastReview.delete(id)
    }
  }

  async function storeReview(documentId: string, state: Y.Doc | Uint8Array, titles: Map<string, string>, createdBy: string | null): Promise<void> {
    await recordVersionUnlessLatest(versions, documentId, state, { kind: 'review', name: reviewName([...titles.values()]), createdBy })
  }

  /** Stores (or replaces) the record of `pending`; a failure is logged, the version is still made when the window ends. */
  function save(pending: PendingReview): Promise<void> {
    const sections = [...pending.sections].map(([id, title]) => ({ id, title }))
    return versions
      .savePendingReview({ documentId: pending.room.documentId, id: pending.id, sections, createdBy: pending.createdBy })
      .catch((error: unknown) => console.error(`Dokument ${pending.room.documentId}: den väntande granskningsversionen kunde inte sparas`, error))
  }

  /**
   * Stores a pending review version: of `doc` when given (the room is leaving memory or was just
   * loaded), else of the room's stored state; then removes its record.
   */
  function flush(pending: PendingReview, doc?: Y.Doc): Promise<void> {
    const documentId = pending.room.documentId
    clearTimeout(pending.timer)
    if (pendingReviews.get(documentId) === pending) pendingReviews.delete(documentId)
    noteReview(documentId, Date.now())
    const stored = (async () => {
      try {
        const state = doc ? Y.encodeStateAsUpdate(doc) : await pending.room.read((current) => Y.encodeStateAsUpdate(current))
        await storeReview(documentId, state, pending.sections, pending.createdBy)
        await pending.saved
        await versions.deletePendingReview(documentId, pending.id)
      } catch (error) {
        // A record left behind is finished when the document is next loaded.
        console.error(`Dokument ${documentId}: granskningsversionen kunde inte sparas`, error)
      }
    })()
    const all = Promise.all([flushing.get(documentId), stored]).then(() => undefined)
    flushing.set(documentId, all)
    void all.then(() => {
      if (flushing.get(documentId) === all) flushing.delete(documentId)
    })
    return stored
  }

  /**
   * Sections of `room` became ready for review: a version now if the window is open (resolves
   * true), else one when it ends.
   */
  async function reviewReady(room: Room, titles: Map<string, string>, createdBy: string | null): Promise<boolean> {
    const documentId = room.documentId
    const pending = pendingReviews.get(documentId)
    // One left by an older room of the document (still unloading): store it, then this room's own.
    if (pending && pending.room !== room) void flush(pending)
    else if (pending) {
      for (const [id, title] of titles) pending.sections.set(id, title)
      pending.createdBy = createdBy
      pending.saved = pending.saved.then(() => save(pending))
      await pending.saved
      return false
    }
    const now = Date.now()
    const wait = (lastReview.get(documentId) ?? -Infinity) + reviewIntervalMs - now
    if (wait <= 0) {
      noteReview(documentId, now)
      await storeReview(documentId, room.doc, titles, createdBy)
      return true
    }
    const next: PendingReview = { room, id: randomUUID(), sections: new Map(titles), createdBy, saved: Promise.resolve() }
    pendingReviews.set(documentId, next)
    next.timer = setTimeout(() => void flush(next), wait)
    next.timer.unref()
    // Durable before the room takes its next batch: this hook runs in the room's queue.
    next.saved = save(next)
    await next.saved
    return false
  }

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
    async beforeLoadDocument({ room }) {
      const documentId = room.documentId
      // The previous room's pending review is stored and its record removed before this looks for one.
      await flushing.get(documentId)
      try {
        const stored = await versions.findPendingReview(documentId)
        if (stored) recovered.set(documentId, stored)
      } catch (error) {
        // The record stays: the next load finishes it. A missing review must not keep the document closed.
        console.error(`Dokument ${documentId}: väntande granskningsversioner kunde inte läsas`, error)
      }
    },
    onLoadDocument({ room, doc }) {
      watch(room, doc)
      open.set(room.documentId, { room, statuses: readSectionStatuses(doc) })
      // Left by a server that stopped before the window ended (killed, or its store failed): the
      // loaded state is what was stored by then, and the statuses above are its baseline, so the
      // version is made now or never. It closes the window as any review version does.
      const stored = recovered.get(room.documentId)
      recovered.delete(room.documentId)
      if (!stored || pendingReviews.get(room.documentId)?.id === stored.id) return
      const sections = new Map(stored.sections.map((section) => [section.id, section.title]))
      void flush({ room, id: stored.id, sections, createdBy: stored.createdBy, saved: Promise.resolve() }, doc)
    },
    onWake({ room, doc }) {
      watch(room, doc)
    },
    onUnload({ room }) {
      // Everything it held is stored by now: a review waiting for its window is made of that.
      const pending = pendingReviews.get(room.documentId)
      if (pending?.room === room) void flush(pending, room.doc)
      // A room that is still unloading must not drop the state of a newer room of the same document.
      // (Client authors stay: diffs are asked for after everyone left; `ClientAuthors` bounds itself.)
      if (open.get(room.documentId)?.room === room) open.delete(room.documentId)
    },
    async onDestroy() {
      // Every room has been unloaded: the reviews their unloads began are stored before the stores close.
      while (flushing.size > 0) await Promise.all(flushing.values())
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
      let reviewed = false
      if (ready.length > 0) {
        const sections = readSections(room.doc)
        const titles = new Map(ready.map(([id]) => [id, sections.find((section) => section.id === id)?.title ?? '']))
        reviewed = await reviewReady(room, titles, createdBy)
      }
      if (authors.length === 0) return
      const now = Date.now()
      // A review version just taken holds this very state: it begins the next period, no periodic copy.
      if (state.periodStart === undefined || reviewed) {
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
