import type { RoomExtension } from '@samskriv/collab'
import type { AppStore } from '@samskriv/storage'
import * as Y from 'yjs'

export interface DocumentActivity extends RoomExtension {
  /** Writes what is pending now (at shutdown). */
  flush(): Promise<void>
}

/**
 * Keeps the document list's "last change" current. Changes are gathered and written for every
 * document at once, at most once per interval, outside the rooms' queues: with a thousand open
 * documents a write per document would cost an fsync each on the event loop.
 */
export function documentActivity(store: AppStore, intervalMs = 1_000): DocumentActivity {
  /** Document id → when it last changed (ms; formatted only when written: this runs per update). */
  const changed = new Map<string, number>()
  let timer: NodeJS.Timeout | undefined
  let writing: Promise<void> = Promise.resolve()

  function schedule(): void {
    timer ??= setTimeout(() => void flush(), intervalMs).unref()
  }

  async function write(): Promise<void> {
    if (changed.size === 0) return
    const changes = [...changed]
    changed.clear()
    try {
      await store.touchDocuments(changes.map(([id, at]) => ({ id, updatedAt: new Date(at).toISOString() })))
    } catch (error) {
      // Keep what could not be written (unless a newer change came meanwhile) and try again later.
      for (const [id, at] of changes) if (!changed.has(id)) changed.set(id, at)
      schedule()
      console.error('could not record document activity', error instanceof Error ? error.message : error)
    }
  }

  /** One write at a time; at shutdown this waits for a write under way too. */
  function flush(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    writing = writing.then(write)
    return writing
  }

  return {
    afterStoreUpdate({ room, update }) {
      if (onlyMakesEmptyTexts(update)) return
      changed.set(room.documentId, Date.now())
      schedule()
    },
    flush,
  }
}

/**
 * Whether an update only makes empty shared texts, as a form field does when an editor focuses it
 * (so that two people who start typing there write into one): nobody changed anything yet.
 */
export function onlyMakesEmptyTexts(update: Uint8Array): boolean {
  // Such an update is a few dozen bytes; anything larger is no focus (and is not decoded here).
  if (update.byteLength === 0 || update.byteLength > 256) return false
  try {
    const { structs, ds } = Y.decodeUpdate(update)
    return (
      ds.clients.size === 0 &&
      structs.length > 0 &&
      structs.every((struct) => struct instanceof Y.Item && struct.content instanceof Y.ContentType && struct.content.type instanceof Y.Text)
    )
  } catch {
    return false
  }
}
