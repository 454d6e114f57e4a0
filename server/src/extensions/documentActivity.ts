import type { RoomExtension } from '@samskriv/collab'
import type { AppStore } from '@samskriv/storage'

/** Keeps the document list's "last change" current, at most once per interval per document. */
export function documentActivity(store: AppStore, intervalMs = 5_000): RoomExtension {
  const lastWrite = new Map<string, number>()
  return {
    async afterStoreUpdate({ room }) {
      const now = Date.now()
      if (now - (lastWrite.get(room.documentId) ?? 0) < intervalMs) return
      lastWrite.set(room.documentId, now)
      await store.updateDocument(room.documentId, { updatedAt: new Date(now).toISOString() })
    },
  }
}
