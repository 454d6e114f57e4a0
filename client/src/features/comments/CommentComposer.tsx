import { useId, useState } from 'react'
import { useEditorState, type Editor } from '@tiptap/react'
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { t } from '../../app/i18n.ts'
import { useSession } from '../../app/SessionContext.ts'
import { useSectionTitle } from '../sections/useSectionTitle.ts'
import { useCanComment } from './commentPermission.ts'
import { MentionTextarea, type MentionDraft } from './MentionTextarea.tsx'
import { createThread, type CommentAnchor } from './model/index.ts'

interface Draft {
  anchor: CommentAnchor
  quote: string
}

/** The editor's selection as Yjs relative positions, so the anchor follows concurrent edits. */
function anchorOfSelection(editor: Editor): Draft | null {
  const { from, to, empty } = editor.state.selection
  if (empty) return null
  const sync = ySyncPluginKey.getState(editor.state) as { type?: Y.XmlFragment; binding?: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] } } | undefined
  if (!sync?.type || !sync.binding) return null
  const start = absolutePositionToRelativePosition(from, sync.type, sync.binding.mapping) as Y.RelativePosition
  const end = absolutePositionToRelativePosition(to, sync.type, sync.binding.mapping) as Y.RelativePosition
  return {
    anchor: { start: Y.encodeRelativePosition(start), end: Y.encodeRelativePosition(end) },
    quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 500),
  }
}

/** "Kommentera" under a section: comments the selected text. */
export function CommentComposer({ editor, doc, sectionId }: { editor: Editor | null; doc: Y.Doc; sectionId: string }) {
  const { user } = useSession()
  const canComment = useCanComment(doc)
  const hasSelection = useEditorState({ editor, selector: ({ editor: current }) => (current ? !current.state.selection.empty : false) }) ?? false
  const [draft, setDraft] = useState<Draft | null>(null)
  const [body, setBody] = useState<MentionDraft>({ body: '', mentions: [] })
  const [announcement, setAnnouncement] = useState('')
  const fieldId = useId()
  // Every section has this button: named with its section, it tells apart in a screen reader's
  // list of buttons (the visible word first, WCAG 2.5.3).
  const sectionTitle = useSectionTitle(doc, sectionId)
  if (!canComment || !editor) return null

  const open = () => {
    const next = anchorOfSelection(editor)
    if (!next) return
    setDraft(next)
    setBody({ body: '', mentions: [] })
  }
  // The form goes away: a keyboard user goes on in the text they commented, not at the page's top.
  const backToText = () => {
    if (!editor.isDestroyed) editor.view.dom.focus({ preventScroll: true })
  }
  const save = (event: React.FormEvent) => {
    event.preventDefault()
    const text = body.body.trim()
    if (!draft || !text) return
    createThread(doc, { sectionId, anchor: draft.anchor, quote: draft.quote, body: text, mentions: body.mentions, author: { id: user.id, name: user.name } })
    setDraft(null)
    setBody({ body: '', mentions: [] })
    setAnnouncement(t('commentSaved'))
    backToText()
  }
  const cancel = () => {
    setDraft(null)
    backToText()
  }
  // An open @mention list takes the first Escape (the field stops it there); the next one cancels.
  const handleKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    cancel()
  }

  return (
    <div className="comment-composer">
      {!draft && (
        // Keep the editor's selection: the button must not take it on mousedown.
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!hasSelection}
          aria-label={sectionTitle ? t('sectionControlLabel', { label: t('commentAction'), title: sectionTitle }) : undefined}
          onMouseDown={(event) => event.preventDefault()}
          onClick={open}
        >
          {t('commentAction')}
        </button>
      )}
      {draft && (
        <form onSubmit={save} onKeyDown={handleKeyDown} className="comment-composer__form">
          <blockquote className="comment-quote">{draft.quote}</blockquote>
          <label htmlFor={fieldId}>{t('commentLabel')}</label>
          <MentionTextarea id={fieldId} value={body} onChange={setBody} rows={3} required autoFocus />
          <div className="comment-actions">
            <button type="submit" className="button" disabled={!body.body.trim()}>
              {t('commentSave')}
            </button>
            <button type="button" className="button button--secondary" onClick={cancel}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  )
}
