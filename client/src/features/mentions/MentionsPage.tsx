import { useEffect, useId, useRef, useState } from 'react'
import { Link } from '../../app/Link.tsx'
import { t } from '../../app/i18n.ts'
import { threadHref } from '../comments/threadLink.ts'
import { mentionsApi, type MentionEntry } from './mentionsApi.ts'
import { unreadLabel } from './unreadLabel.ts'
import { useMentionInbox } from './useMentionInbox.ts'
import './mentions.css'

function MentionItem({ mention }: { mention: MentionEntry }) {
  const when = new Date(mention.createdAt)
  return (
    <li className={mention.unread ? 'mention-item mention-item--unread' : 'mention-item'} data-testid="mention-item">
      <p className="mention-item__title">
        <Link href={threadHref(mention.documentId, mention.threadId)} onClick={() => void mentionsApi.markRead([mention.id]).catch(() => undefined)}>
          {mention.documentTitle}
        </Link>
        {mention.unread && <span className="badge mention-item__unread">{t('mentionsUnread')}</span>}
      </p>
      <p className="mention-item__meta">
        {t('mentionsBy', { author: mention.authorName })} · <time dateTime={when.toISOString()}>{when.toLocaleString('sv-SE')}</time>
      </p>
      <blockquote className="mention-item__excerpt">{mention.excerpt}</blockquote>
    </li>
  )
}

/** The mention inbox: who mentioned the user where, newest first; opening one marks it read. */
export function MentionsPage() {
  const { inbox, error } = useMentionInbox()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const headingId = useId()
  useEffect(() => headingRef.current?.focus(), [])
  const unreadIds = inbox?.mentions.filter((mention) => mention.unread).map((mention) => mention.id) ?? []
  const statusRef = useRef<HTMLParagraphElement>(null)
  const [announcement, setAnnouncement] = useState('')
  // The button goes once all are read: focus and the outcome go to the status line, not to <body>.
  const markAllRead = async () => {
    try {
      await mentionsApi.markRead(unreadIds)
      setAnnouncement(t('mentionsAllMarkedRead'))
    } catch {
      setAnnouncement(t('mentionsMarkReadFailed'))
    }
    statusRef.current?.focus()
  }

  return (
    <main className="page" id="main" aria-labelledby={headingId}>
      <h1 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('mentionsTitle')}
      </h1>
      <p>{t('mentionsIntro')}</p>
      {error && <p role="alert">{t('mentionsLoadFailed', { message: error })}</p>}
      {inbox && (
        <>
          <p role="status" tabIndex={-1} ref={statusRef} className="mentions-status">
            {inbox.unread > 0 ? unreadLabel(inbox.unread) : announcement}
          </p>
          {unreadIds.length > 0 && (
            <button type="button" className="button button--secondary" onClick={() => void markAllRead()}>
              {t('mentionsMarkAllRead')}
            </button>
          )}
          {inbox.mentions.length === 0 ? (
            <p>{t('mentionsNone')}</p>
          ) : (
            <ul className="mention-list">
              {inbox.mentions.map((mention) => (
                <MentionItem key={mention.id} mention={mention} />
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  )
}
