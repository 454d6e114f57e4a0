import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { decodeRelative, readThreads } from './model/index.ts'

export const commentHighlightKey = new PluginKey<DecorationSet>('commentHighlight')

type ProsemirrorMapping = Parameters<typeof relativePositionToAbsolutePosition>[3]

interface SyncState {
  type: Y.XmlFragment
  binding: { mapping: ProsemirrorMapping } | null
}

/** Open threads of the editor's section as inline decorations, from the threads' relative anchors. */
function buildDecorations(doc: Y.Doc, sectionId: string, state: EditorState): DecorationSet {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined
  if (!sync?.binding || !sync.type) return DecorationSet.empty
  const decorations: Decoration[] = []
  const size = state.doc.content.size
  for (const thread of readThreads(doc)) {
    if (thread.resolved || thread.sectionId !== sectionId) continue
    const start = decodeRelative(thread.anchor.start)
    const end = decodeRelative(thread.anchor.end)
    if (!start || !end) continue
    try {
      const from = relativePositionToAbsolutePosition(doc, sync.type, start, sync.binding.mapping)
      const to = relativePositionToAbsolutePosition(doc, sync.type, end, sync.binding.mapping)
      if (from === null || to === null || from >= to || to > size) continue
      decorations.push(Decoration.inline(from, to, { class: 'comment-highlight', 'data-thread-id': thread.id }))
    } catch {
      // An anchor that no longer maps into this editor is not highlighted.
    }
  }
  return DecorationSet.create(state.doc, decorations)
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
          schedule()
          return {
            destroy() {
              doc.off('afterTransaction', schedule)
              if (timer !== undefined) clearTimeout(timer)
            },
          }
        },
      }),
    ]
  },
})

