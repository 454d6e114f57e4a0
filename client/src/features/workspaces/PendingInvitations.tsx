import type { RefObject } from 'react'
import type { PendingInvitation } from '../../api/client.ts'
import { getLang, t } from '../../app/i18n.ts'
import { roleName } from '../../app/roleName.ts'
import { InvitationLink } from './InvitationLink.tsx'

interface PendingInvitationsProps {
  headingId: string
  headingRef: RefObject<HTMLHeadingElement | null>
  invitations: PendingInvitation[] | null
  busyId: string | null
  onWithdraw: (invitation: PendingInvitation) => void
  onRenew: (invitation: PendingInvitation) => void
  /** The invitation whose link was just made anew, with that link. */
  renewed: { id: string; url: string } | null
  renewedRef: RefObject<HTMLDivElement | null>
}

/**
 * Invitations nobody has accepted yet (coordinators only), each with "Ny länk" (the link is shown
 * only when it is made, as the server keeps no readable copy of it) and "Dra tillbaka".
 */
export function PendingInvitations({
  headingId,
  headingRef,
  invitations,
  busyId,
  onWithdraw,
  onRenew,
  renewed,
  renewedRef,
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
                  aria-label={t('invitationRenewLabel', { email: invitation.email })}
                  aria-disabled={busyId === invitation.id || undefined}
                  onClick={() => busyId !== invitation.id && onRenew(invitation)}
                >
                  {t('invitationRenew')}
                </button>{' '}
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
              {renewed?.id === invitation.id && (
                <InvitationLink ref={renewedRef} path={renewed.url} intro={t('invitationRenewed', { email: invitation.email })} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
