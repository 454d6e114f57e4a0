import type { RoomExtension } from '@samskriv/collab'
import type { AppStore } from '@samskriv/storage'

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
  const changed = new Map<string, string>()
  let timer: NodeJS.Timeout | undefined

  async function flush(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    if (changed.size === 0) return
    const changes = [...changed].map(([id, updatedAt]) => ({ id, updatedAt }))
    changed.clear()
    try {
      await store.touchDocuments(changes)
    } catch (error) {
      // Only a timestamp for the list: the next change writes a newer one.
      console.error('could not record document activity', error)
    }
  }

  return {
    afterStoreUpdate({ room }) {
      changed.set(room.documentId, new Date().toISOString())
      timer ??= setTimeout(() => void flush(), intervalMs).unref()
    },
    flush,
  }
}
