import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { decodeRelative, readThreads, type CommentThread } from './model/index.ts'
import { getActiveThread, onActiveThreadChange, requestThreadFocus } from './threadFocus.ts'

export const commentHighlightKey = new PluginKey<DecorationSet>('commentHighlight')

type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3]

interface SyncState {
  type: Y.XmlFragment
  binding: { mapping: ProsemirrorMapping } | null
}

/** The thread's commented text as editor positions, or null when its anchor no longer maps into this editor. */
function threadRange(doc: Y.Doc, state: EditorState, thread: Pick<CommentThread, 'anchor'>): { from: number; to: number } | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined
  if (!sync?.binding || !sync.type) return null
  const start = decodeRelative(thread.anchor.start)
  const end = decodeRelative(thread.anchor.end)
  if (!start || !end) return null
  try {
    const from = relativePositionToAbsolutePosition(doc, sync.type, start, sync.binding.mapping)
    const to = relativePositionToAbsolutePosition(doc, sync.type, end, sync.binding.mapping)
    if (from === null || to === null || from >= to || to > state.doc.content.size) return null
    return { from, to }
  } catch {
    return null
  }
}

/** Open threads of the editor's section as inline decorations, from the threads' relative anchors. */
function buildDecorations(doc: Y.Doc, sectionId: string, state: EditorState): DecorationSet {
  const decorations: Decoration[] = []
  const active = getActiveThread()
  for (const thread of readThreads(doc)) {
    if (thread.resolved || thread.sectionId !== sectionId) continue
    const range = threadRange(doc, state, thread)
    if (!range) continue
    const className = thread.id === active ? 'comment-highlight comment-highlight--active' : 'comment-highlight'
    decorations.push(Decoration.inline(range.from, range.to, { class: className, 'data-thread-id': thread.id }))
  }
  return DecorationSet.create(state.doc, decorations)
}

/** The mounted editors by section id, so the panel can take the user to a thread's text. */
const editorViews = new Map<string, EditorView>()

/**
 * Scrolls the thread's section editor to the commented text, selects it and focuses the editor.
 * False when the text cannot be found (no editor for the section, or the text is gone).
 */
export function showThreadInText(doc: Y.Doc, thread: Pick<CommentThread, 'anchor' | 'sectionId'>): boolean {
  const view = editorViews.get(thread.sectionId)
  if (!view || view.isDestroyed) return false
  const range = threadRange(doc, view.state, thread)
  if (!range) return false
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)).scrollIntoView())
  view.focus()
  return true
}

export interface CommentHighlightOptions {
  doc: Y.Doc | null
  sectionId: string
}

/** Highlights commented text (class `comment-highlight`); refreshes when comments or the text change. */
export const CommentHighlight = Extension.create<CommentHighlightOptions>({
  name: 'commentHighlight',
  addOptions() {
    return { doc: null, sectionId: '' }
  },
  addProseMirrorPlugins() {
    const { doc, sectionId } = this.options
    if (!doc) return []
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, decorations, _old, newState) {
            if (tr.getMeta(commentHighlightKey) === 'refresh') return buildDecorations(doc, sectionId, newState)
            return tr.docChanged ? decorations.map(tr.mapping, tr.doc) : decorations
          },
        },
        props: {
          decorations: (state) => commentHighlightKey.getState(state),
          // A plain click on commented text takes the user to its thread; drags and modified clicks select as usual.
          handleClick(_view, _pos, event) {
            if (event.button !== 0 || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return false
            const highlight = event.target instanceof Element ? event.target.closest<HTMLElement>('.comment-highlight[data-thread-id]') : null
            const threadId = highlight?.dataset.threadId
            if (threadId) requestThreadFocus(threadId)
            return false
          },
        },
        view(view) {
          let timer: ReturnType<typeof setTimeout> | undefined
          // Recompute after Yjs has settled: the binding's mapping is current only once its own update ran.
          const schedule = () => {
            if (timer !== undefined) return
            timer = setTimeout(() => {
              timer = undefined
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(commentHighlightKey, 'refresh').setMeta('addToHistory', false))
            }, 0)
          }
          doc.on('afterTransaction', schedule)
          const offActive = onActiveThreadChange(schedule)
          editorViews.set(sectionId, view)
          schedule()
          return {
            destroy() {
              doc.off('afterTransaction', schedule)
              offActive()
              if (editorViews.get(sectionId) === view) editorViews.delete(sectionId)
              if (timer !== undefined) clearTimeout(timer)
            },
          }
        },
      }),
    ]
  },
})

