import { useEffect, useId, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { Role, SectionInfo } from '@samskriv/schema'
import { useSession } from '../../app/SessionContext.ts'
import { setCanComment } from './commentPermission.ts'
import { addReply, deleteMessage, editMessage, isDetached, readThreads, setResolved, type CommentMessage, type CommentThread } from './model/index.ts'
import { fill, s } from './strings.ts'
import './comments.css'

const COMMENTER_ROLES: ReadonlyArray<Role | undefined> = ['coordinator', 'editor', 'analyst']

/** Re-reads the threads (and whether their text still exists) after every change to the doc. */
function useThreads(doc: Y.Doc): Array<CommentThread & { detached: boolean }> {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const bump = () => setVersion((current) => current + 1)
    doc.on('update', bump)
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

function Message({ doc, threadId, message, own, canWrite }: { doc: Y.Doc; threadId: string; message: CommentMessage; own: boolean; canWrite: boolean }) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(message.body)
  const fieldId = useId()
  return (
    <li className="comment-message">
      <p className="comment-message__meta">
        <strong>{message.authorName}</strong> <time dateTime={new Date(message.at).toISOString()}>{new Date(message.at).toLocaleString('sv-SE')}</time>
        {message.editedAt !== undefined && ` ${s.edited}`}
      </p>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            if (draft.trim()) editMessage(doc, threadId, message.id, draft.trim())
            setEditing(false)
          }}
        >
          <label htmlFor={fieldId}>{s.editLabel}</label>
          <textarea id={fieldId} value={draft} onChange={(event) => setDraft(event.target.value)} rows={2} />
          <div className="comment-actions">
            <button type="submit">{s.saveEdit}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {s.cancel}
            </button>
          </div>
        </form>
      ) : (
        <p className="comment-message__body">{message.body}</p>
      )}
      {own && canWrite && !editing && (
        <div className="comment-actions">
          <button
            type="button"
            onClick={() => {
              setDraft(message.body)
              setEditing(true)
            }}
          >
            {s.edit}
          </button>
          <button type="button" onClick={() => deleteMessage(doc, threadId, message.id)}>
            {s.remove}
          </button>
        </div>
      )}
    </li>
  )
}

function Thread({ doc, thread, sectionTitle, canWrite }: { doc: Y.Doc; thread: CommentThread & { detached: boolean }; sectionTitle: string; canWrite: boolean }) {
  const { user } = useSession()
  const [reply, setReply] = useState('')
  const replyId = useId()
  const send = (event: React.FormEvent) => {
    event.preventDefault()
    if (!reply.trim()) return
    addReply(doc, thread.id, { id: user.id, name: user.name }, reply.trim())
    setReply('')
  }
  return (
    <li className="comment-thread" data-testid="comment-thread" data-thread-id={thread.id}>
      <p className="comment-thread__section">
        <button type="button" className="link-button" onClick={() => focusSection(thread.sectionId)}>
          {fill(s.inSection, { title: sectionTitle })}
        </button>
        {thread.resolved && <span className="badge"> {s.resolvedBadge}</span>}
      </p>
      <blockquote className="comment-quote">{thread.quote}</blockquote>
      {thread.detached && <p className="comment-detached">{s.detached}</p>}
      <ol className="comment-messages">
        {thread.messages.map((message) => (
          <Message key={message.id} doc={doc} threadId={thread.id} message={message} own={message.authorId === user.id} canWrite={canWrite} />
        ))}
      </ol>
      {canWrite && (
        <>
          <form onSubmit={send} className="comment-reply">
            <label htmlFor={replyId}>{s.reply}</label>
            <textarea id={replyId} value={reply} onChange={(event) => setReply(event.target.value)} rows={2} />
            <button type="submit" disabled={!reply.trim()}>
              {s.sendReply}
            </button>
          </form>
          <button type="button" onClick={() => setResolved(doc, thread.id, !thread.resolved)}>
            {thread.resolved ? s.reopen : s.resolve}
          </button>
        </>
      )}
    </li>
  )
}

/** The document's comment threads, filterable; replies and resolving for those who may comment. */
export function CommentsPanel({ doc, role, sections }: { doc: Y.Doc; role: Role | undefined; sections: SectionInfo[] }) {
  const { user } = useSession()
  const canWrite = COMMENTER_ROLES.includes(role)
  useEffect(() => setCanComment(doc, canWrite), [doc, canWrite])
  const threads = useThreads(doc)
  const [filter, setFilter] = useState('open')
  const headingId = useId()
  const filterId = useId()
  const titles = useMemo(() => new Map(sections.map((section) => [section.id, section.title])), [sections])

  const shown = threads.filter((thread) => {
    if (filter === 'open') return !thread.resolved
    if (filter === 'resolved') return thread.resolved
    if (filter === 'mine') return thread.createdBy === user.id || thread.messages.some((message) => message.authorId === user.id)
    if (filter.startsWith('section:')) return thread.sectionId === filter.slice('section:'.length)
    return true
  })

  return (
    <aside className="comments-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{s.panelTitle}</h2>
      <label htmlFor={filterId}>{s.filter}</label>
      <select id={filterId} value={filter} onChange={(event) => setFilter(event.target.value)}>
        <option value="open">{s.filterOpen}</option>
        <option value="resolved">{s.filterResolved}</option>
        <option value="mine">{s.filterMine}</option>
        {sections.map((section) => (
          <option key={section.id} value={`section:${section.id}`}>
            {fill(s.filterSection, { title: section.title })}
          </option>
        ))}
      </select>
      {shown.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <ul className="comment-threads">
          {shown.map((thread) => (
            <Thread key={thread.id} doc={doc} thread={thread} sectionTitle={titles.get(thread.sectionId) ?? ''} canWrite={canWrite} />
          ))}
        </ul>
      )}
    </aside>
  )
}
