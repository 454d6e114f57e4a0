import type { RefObject } from 'react'
import type { PendingInvitation } from '../../api/client.ts'
import { getLang, t } from '../../app/i18n.ts'
import { roleName } from '../../app/roleName.ts'

interface PendingInvitationsProps {
  headingId: string
  headingRef: RefObject<HTMLHeadingElement | null>
  invitations: PendingInvitation[] | null
  busyId: string | null
  onWithdraw: (invitation: PendingInvitation) => void
}

/** Invitations nobody has accepted yet (coordinators only), each with a Withdraw button. */
export function PendingInvitations({
  headingId,
  headingRef,
  invitations,
  busyId,
  onWithdraw,
}: PendingInvitationsProps) {
  const dateFormat = new Intl.DateTimeFormat(getLang() === 'en' ? 'en-GB' : 'sv-SE', {
    dateStyle: 'long',
  })
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('invitationsTitle')}
      </h3>
      {invitations === null ? (
        <p>{t('loading')}</p>
      ) : invitations.length === 0 ? (
        <p className="muted">{t('invitationsNone')}</p>
      ) : (
        <ul className="plain-list invitation-list">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              <span>
                <span className="members-email">{invitation.email}</span>
                <br />
                <span className="muted">
                  {t('invitationSummary', {
                    role: roleName(invitation.role),
                    date: dateFormat.format(new Date(invitation.expiresAt)),
                  })}
                </span>
              </span>
              <span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('invitationWithdrawLabel', { email: invitation.email })}
                  disabled={busyId === invitation.id}
                  onClick={() => onWithdraw(invitation)}
                >
                  {t('invitationWithdraw')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
