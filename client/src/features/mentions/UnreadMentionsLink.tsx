import { Link } from '../../app/Link.tsx'
import { t } from '../../app/i18n.ts'
import { MENTIONS_PATH } from './mentionsPath.ts'
import { unreadLabel } from './unreadLabel.ts'
import { useMentionInbox } from './useMentionInbox.ts'
import './mentions.css'

/**
 * "Omnämnanden" in the header, with the unread count as a badge when there is any. The count is
 * also spelled out for screen readers ("Omnämnanden: 3 olästa omnämnanden"), in the link's text
 * rather than an aria-label, so the accessible name keeps the visible word.
 */
export function UnreadMentionsLink() {
  const { inbox } = useMentionInbox()
  const unread = inbox?.unread ?? 0
  return (
    <Link href={MENTIONS_PATH} className="mentions-link" data-testid="mentions-link">
      {t('mentionsTitle')}
      {unread > 0 && (
        <>
          <span className="mentions-link__count" aria-hidden="true">
            {unread}
          </span>
          <span className="visually-hidden">: {unreadLabel(unread)}</span>
        </>
      )}
    </Link>
  )
}
