import type { Editor } from '@tiptap/react'
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

type Mapping = Parameters<typeof relativePositionToAbsolutePosition>[3]
interface SyncState {
  type?: Y.XmlFragment
  binding?: { mapping: Mapping } | null
}

/**
 * Remembers a range of the editor as Yjs relative positions, so it follows what others type while
 * a dialog is open; the returned function gives its positions now (null once it cannot be found).
 * Plain numbers would point at other text as soon as someone wrote before it.
 */
export function trackRange(editor: Editor, from: number, to: number): () => { from: number; to: number } | null {
  const sync = ySyncPluginKey.getState(editor.state) as SyncState | undefined
  const doc = sync?.type?.doc
  if (!sync?.type || !sync.binding || !doc) return () => ({ from, to })
  const start = absolutePositionToRelativePosition(from, sync.type, sync.binding.mapping)
  const end = absolutePositionToRelativePosition(to, sync.type, sync.binding.mapping)
  return () => {
    const now = ySyncPluginKey.getState(editor.state) as SyncState | undefined
    if (!now?.type || !now.binding) return null
    try {
      const a = relativePositionToAbsolutePosition(doc, now.type, start, now.binding.mapping)
      const b = relativePositionToAbsolutePosition(doc, now.type, end, now.binding.mapping)
      return a === null || b === null || b < a ? null : { from: a, to: b }
    } catch {
      return null
    }
  }
}
