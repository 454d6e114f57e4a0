import { useId } from 'react'
import type { User } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { t } from '../../app/i18n.ts'
import { AuthPage } from '../auth/AuthPage.tsx'
import { InvitationSummary } from './InvitationSummary.tsx'
import { useInvitation } from './useInvitation.ts'

/** `/invite/:token` when signed out: what the invitation is for, above the usual login form with its address filled in. */
export function InvitationAuthPage({
  token,
  onSignedIn,
}: {
  token: string
  onSignedIn: (user: User) => void
}) {
  const titleId = useId()
  const { invitation, error } = useInvitation(token)
  // The form appears once the invitation is known, so its address is there from the start.
  if (!invitation && !error) {
    return (
      <main className="page page--narrow" id="main">
        <p>{t('loading')}</p>
      </main>
    )
  }
  const notice = (
    <section className="card stack" aria-labelledby={invitation ? titleId : undefined}>
      {invitation && <InvitationSummary invitation={invitation} titleId={titleId} />}
      {invitation && <p>{t('invitationSignIn')}</p>}
      {error && <ErrorMessage message={error} />}
    </section>
  )
  return <AuthPage onSignedIn={onSignedIn} notice={notice} defaultEmail={invitation?.email} />
}
