import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { Role, SectionInfo } from '@samskriv/schema'
import { t } from '../../app/i18n.ts'
import { useSession } from '../../app/SessionContext.ts'
import { CommentBody } from './CommentBody.tsx'
import { excerpt } from './excerpt.ts'
import { MentionTextarea, type MentionDraft } from './MentionTextarea.tsx'
import { setCanComment } from './commentPermission.ts'
import { addReply, deleteMessage, editMessage, isDetached, readThreads, setResolved, type CommentMessage, type CommentThread } from './model/index.ts'
import { threadAnchorId, threadIdFromHash } from './threadLink.ts'
import { showThreadInText } from './commentHighlight.ts'
import { onThreadFocusRequest, setActiveThread } from './threadFocus.ts'
import './comments.css'

/** The panel's heading: the outline's link to the panel moves focus here. */
export const COMMENTS_HEADING_ID = 'comments-panel-title'

const COMMENTER_ROLES: ReadonlyArray<Role | undefined> = ['coordinator', 'editor', 'analyst']

/** Re-reads the threads (and whether their text still exists) after every change to the doc. */
function useThreads(doc: Y.Doc): Array<CommentThread & { detached: boolean }> {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const bump = () => setVersion((current) => current + 1)
    doc.on('update', bump)
    // Whatever arrived between the first render and this subscription (the initial sync can land
    // there) would otherwise stay unseen until the next update.
    bump()
    return () => doc.off('update', bump)
  }, [doc])
  return useMemo(() => readThreads(doc).map((thread) => ({ ...thread, detached: isDetached(doc, thread) })), [doc, version])
}

function focusSection(sectionId: string) {
  const section = document.getElementById(`section-${sectionId}`)
  if (!section) return
  section.scrollIntoView({ block: 'start' })
  const editor = section.querySelector<HTMLElement>('.section-editor')
  ;(editor ?? section).focus({ preventScroll: true })
}

interface MessageProps {
  doc: Y.Doc
  threadId: string
  message: CommentMessage
  own: boolean
  canWrite: boolean
  /** Coordinators may delete anyone's message (moderation); the server allows exactly this. */
  canModerate: boolean
}

function Message({ doc, threadId, message, own, canWrite, canModerate }: MessageProps) {
  // Every message has these buttons: named by what it says and who wrote it, they tell apart in a
  // screen reader's list of buttons (the visible word comes first, WCAG 2.5.3).
  const named = (action: string) => t('commentMessageNamed', { action, body: excerpt(message.body), author: message.authorName })
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState<MentionDraft>({ body: message.body, mentions: message.mentions ?? [] })
  const fieldId = useId()
  const editButton = useRef<HTMLButtonElement>(null)
  // Leaving the form (saved or not) gives focus back to "Redigera", not to the page.
  const [returnFocus, setReturnFocus] = useState(false)
  useEffect(() => {
    if (!editing && returnFocus) {
      editButton.current?.focus()
      setReturnFocus(false)
    }
  }, [editing, returnFocus])
  const stopEditing = () => {
    setEditing(false)
    setReturnFocus(true)
  }
  return (
    <li className="comment-message">
      <p className="comment-message__meta">
        <strong>{message.authorName}</strong> <time dateTime={new Date(message.at).toISOString()}>{new Date(message.at).toLocaleString('sv-SE')}</time>
        {message.editedAt !== undefined && ` ${t('commentEdited')}`}
      </p>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            if (draft.body.trim()) editMessage(doc, threadId, message.id, draft.body.trim(), draft.mentions)
            stopEditing()
          }}
          // An open @mention list takes the first Escape (the field stops it there); the next one cancels.
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return
            event.preventDefault()
            stopEditing()
          }}
        >
          <label htmlFor={fieldId}>{t('commentEditLabel')}</label>
          <MentionTextarea id={fieldId} value={draft} onChange={setDraft} rows={2} autoFocus />
          <div className="comment-actions">
            <button type="submit" className="button">{t('commentSaveEdit')}</button>
            <button type="button" className="button button--secondary" onClick={stopEditing}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <CommentBody body={message.body} mentions={message.mentions} />
      )}
      {canWrite && (own || canModerate) && !editing && (
        <div className="comment-actions">
          {own && (
            <button
              type="button"
              className="button button--secondary button--small"
              ref={editButton}
              aria-label={named(t('commentEdit'))}
              onClick={() => {
                setDraft({ body: message.body, mentions: message.mentions ?? [] })
                setEditing(true)
              }}
            >
              {t('commentEdit')}
            </button>
          )}
          <button type="button" className="button button--secondary button--small" aria-label={named(t('commentRemove'))} onClick={() => deleteMessage(doc, threadId, message.id)}>
            {t('commentRemove')}
          </button>
        </div>
      )}
    </li>
  )
}

interface ThreadProps {
  doc: Y.Doc
  thread: CommentThread & { detached: boolean }
  sectionTitle: string
  canWrite: boolean
  canModerate: boolean
  /** The thread the user last went to, from the panel or by clicking its text. */
  active: boolean
  onActivate: (threadId: string) => void
  /** Resolves or reopens the thread; the panel moves focus when the thread leaves the list. */
  onToggleResolved: (thread: CommentThread) => void
  announce: (message: string) => void
}

function Thread({ doc, thread, sectionTitle, canWrite, canModerate, active, onActivate, onToggleResolved, announce }: ThreadProps) {
  const { user } = useSession()
  const [reply, setReply] = useState<MentionDraft>({ body: '', mentions: [] })
  const replyId = useId()
  // Every thread has these controls: named by the text it comments (or its section when the
  // quote is empty), they tell apart in a screen reader's lists; the visible word comes first.
  const quote = excerpt(thread.quote)
  const named = (action: string) => (quote ? t('commentNamedQuote', { action, quote }) : t('commentNamedSection', { action, title: sectionTitle }))
  const showInText = () => {
    onActivate(thread.id)
    // Text that no longer maps into its editor: the section is the nearest place to go.
    if (!showThreadInText(doc, thread)) focusSection(thread.sectionId)
  }
  const send = (event: React.FormEvent) => {
    event.preventDefault()
    const text = reply.body.trim()
    if (!text) return
    addReply(doc, thread.id, { id: user.id, name: user.name }, text, reply.mentions)
    setReply({ body: '', mentions: [] })
    // "Skicka svar" turns disabled with the field empty, which would drop focus to the page.
    document.getElementById(replyId)?.focus()
    announce(t('commentReplySent'))
  }
  return (
    <li
      className="comment-thread"
      data-testid="comment-thread"
      data-thread-id={thread.id}
      id={threadAnchorId(thread.id)}
      tabIndex={-1}
      aria-current={active ? 'true' : undefined}
    >
      <p className="comment-thread__section">
        <button type="button" className="link-button" onClick={() => focusSection(thread.sectionId)}>
          {t('commentInSection', { title: sectionTitle })}
        </button>
        {thread.resolved && <span className="badge"> {t('commentResolvedBadge')}</span>}
      </p>
      <blockquote className="comment-quote">
        {thread.quote}
      </blockquote>
      {thread.detached ? (
        <p className="comment-detached">{t('commentDetached')}</p>
      ) : (
        <button type="button" className="link-button" aria-label={named(t('commentShowInText'))} onClick={showInText}>
          {t('commentShowInText')}
        </button>
      )}
      <ol className="comment-messages">
        {thread.messages.map((message) => (
          <Message key={message.id} doc={doc} threadId={thread.id} message={message} own={message.authorId === user.id} canWrite={canWrite} canModerate={canModerate} />
        ))}
      </ol>
      {canWrite && (
        <>
          <form onSubmit={send} className="comment-reply">
            <label htmlFor={replyId}>{t('commentReply')}</label>
            <MentionTextarea id={replyId} value={reply} onChange={setReply} rows={2} ariaLabel={named(t('commentReply'))} />
            <button type="submit" className="button" disabled={!reply.body.trim()} aria-label={named(t('commentSendReply'))}>
              {t('commentSendReply')}
            </button>
          </form>
          <button type="button" className="button button--secondary button--small" aria-label={named(thread.resolved ? t('commentReopen') : t('commentResolve'))} onClick={() => onToggleResolved(thread)}>
            {thread.resolved ? t('commentReopen') : t('commentResolve')}
          </button>
        </>
      )}
    </li>
  )
}

/**
 * A link to `#kommentar-<threadId>` (from the mention inbox) shows and focuses that thread once it
 * has synced, switching to the resolved filter when the thread is resolved. Until the user clicks
 * or types, the thread takes focus back whenever it is rendered anew (the list re-renders while
 * the document syncs), so the link's target really ends up focused.
 */
function useLinkedThread(threads: CommentThread[], setFilter: (filter: string) => void): string | null {
  const linked = threadIdFromHash(window.location.hash)
  const target = linked ? threads.find((thread) => thread.id === linked) : undefined
  const targetId = target?.id
  const targetResolved = target?.resolved ?? false
  const [focusId, setFocusId] = useState<string | null>(null)
  const handled = useRef<string | null>(null)
  useEffect(() => {
    if (!targetId || handled.current === targetId) return
    handled.current = targetId
    setFilter(targetResolved ? 'resolved' : 'open')
    setFocusId(targetId)
  }, [targetId, targetResolved, setFilter])
  useEffect(() => {
    if (!focusId) return
    const settle = () => setFocusId(null)
    document.addEventListener('pointerdown', settle, { capture: true })
    document.addEventListener('keydown', settle, { capture: true })
    return () => {
      document.removeEventListener('pointerdown', settle, { capture: true })
      document.removeEventListener('keydown', settle, { capture: true })
    }
  }, [focusId])
  useEffect(() => {
    if (!focusId) return
    const element = document.getElementById(threadAnchorId(focusId))
    if (!element || element.contains(document.activeElement)) return
    if (document.activeElement && document.activeElement !== document.body) return
    element.scrollIntoView({ block: 'center' })
    element.focus({ preventScroll: true })
  })
  return focusId
}

/**
 * The active thread, shared with the editors' highlights. A click on highlighted text makes its
 * thread active and scrolls it into view here, switching to open threads when the filter hides it.
 */
function useThreadFocus(threads: CommentThread[], filter: string, setFilter: (filter: string) => void) {
  const [activeId, setActiveId] = useState<string | null>(null)
  const [focusRequest, setFocusRequest] = useState<{ threadId: string } | null>(null)
  useEffect(() => setActiveThread(activeId), [activeId])
  useEffect(() => () => setActiveThread(null), [])
  useEffect(
    () =>
      onThreadFocusRequest((threadId) => {
        setActiveId(threadId)
        setFocusRequest({ threadId })
      }),
    [],
  )
  useEffect(() => {
    if (!focusRequest) return
    const element = document.getElementById(threadAnchorId(focusRequest.threadId))
    if (element) {
      setFocusRequest(null)
      element.scrollIntoView({ block: 'center' })
      // The thread is shown and marked, but focus stays in the text the user clicked to write in;
      // keyboard users reach threads from the panel.
    } else if (filter !== 'open' && threads.some((thread) => thread.id === focusRequest.threadId && !thread.resolved)) {
      // Highlighted threads are open ones: show those, then focus once the list has rendered.
      setFilter('open')
    }
  }, [focusRequest, filter, setFilter, threads])
  return { activeId, activate: setActiveId }
}

/**
 * A polite live region's text. The same message twice in a row (two replies) differs by a trailing
 * no-break space, since a region whose text does not change is not read again.
 */
function useAnnouncement(): [string, (message: string) => void] {
  const [state, setState] = useState({ message: '', count: 0 })
  const announce = useCallback((message: string) => setState((current) => ({ message, count: current.count + 1 })), [])
  return [state.count % 2 === 0 ? state.message : `${state.message}\u00a0`, announce]
}

/** The document's comment threads, filterable; replies and resolving for those who may comment. */
interface CommentsPanelProps {
  doc: Y.Doc
  role: Role | undefined
  sections: SectionInfo[]
  /** Told the number of unresolved threads whenever it changes (the outline's link says it). */
  onOpenCount?: (count: number) => void
}

export function CommentsPanel({ doc, role, sections, onOpenCount }: CommentsPanelProps) {
  const { user } = useSession()
  const canWrite = COMMENTER_ROLES.includes(role)
  useEffect(() => setCanComment(doc, canWrite), [doc, canWrite])
  const threads = useThreads(doc)
  const openCount = threads.filter((thread) => !thread.resolved).length
  useEffect(() => onOpenCount?.(openCount), [onOpenCount, openCount])
  const [filter, setFilter] = useState('open')
  const filterId = useId()
  const titles = useMemo(() => new Map(sections.map((section) => [section.id, section.title])), [sections])
  useLinkedThread(threads, setFilter)
  const { activeId, activate } = useThreadFocus(threads, filter, setFilter)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [announcement, announce] = useAnnouncement()

  const shown = threads.filter((thread) => {
    if (filter === 'open') return !thread.resolved
    if (filter === 'resolved') return thread.resolved
    if (filter === 'mine') return thread.createdBy === user.id || thread.messages.some((message) => message.authorId === user.id)
    if (filter.startsWith('section:')) return thread.sectionId === filter.slice('section:'.length)
    return true
  })

  const handleToggleResolved = (thread: CommentThread) => {
    const resolved = !thread.resolved
    const staysShown = filter === 'open' ? !resolved : filter === 'resolved' ? resolved : true
    // A thread that leaves the list takes its focused button along: focus goes to the thread that
    // takes its place (or the one before), or to the panel's heading when none is left.
    if (!staysShown) {
      const index = shown.findIndex((other) => other.id === thread.id)
      const neighbour = shown[index + 1] ?? shown[index - 1]
      const target = neighbour ? document.getElementById(threadAnchorId(neighbour.id)) : headingRef.current
      target?.focus()
    }
    setResolved(doc, thread.id, resolved)
    announce(t(resolved ? 'commentResolvedAnnounced' : 'commentReopenedAnnounced'))
  }

  return (
    <aside className="comments-panel" aria-labelledby={COMMENTS_HEADING_ID}>
      <h2 id={COMMENTS_HEADING_ID} ref={headingRef} tabIndex={-1}>
        {t('commentsTitle')}
      </h2>
      <label htmlFor={filterId}>{t('commentFilter')}</label>
      <select id={filterId} value={filter} onChange={(event) => setFilter(event.target.value)}>
        <option value="open">{t('commentFilterOpen')}</option>
        <option value="resolved">{t('commentFilterResolved')}</option>
        <option value="mine">{t('commentFilterMine')}</option>
        {sections.map((section) => (
          <option key={section.id} value={`section:${section.id}`}>
            {t('commentFilterSection', { title: section.title })}
          </option>
        ))}
      </select>
      {shown.length === 0 ? (
        <p>{t('commentsNone')}</p>
      ) : (
        <ul className="comment-threads">
          {shown.map((thread) => (
            <Thread
              key={thread.id}
              doc={doc}
              thread={thread}
              sectionTitle={titles.get(thread.sectionId) ?? ''}
              canWrite={canWrite}
              canModerate={role === 'coordinator'}
              active={thread.id === activeId}
              onActivate={activate}
              onToggleResolved={handleToggleResolved}
              announce={announce}
            />
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </aside>
  )
}
