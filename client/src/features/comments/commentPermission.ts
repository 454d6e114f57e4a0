import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/**
 * Whether the current user may comment in a document, published by the comments panel (which
 * knows the role) for the section editors (which do not). The server enforces this as well.
 */
const allowed = new WeakMap<Y.Doc, boolean>()
const listeners = new Set<() => void>()

export function setCanComment(doc: Y.Doc, value: boolean): void {
  if (allowed.get(doc) === value) return
  allowed.set(doc, value)
  for (const listener of listeners) listener()
}

export function useCanComment(doc: Y.Doc): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => allowed.get(doc) ?? false,
  )
}
