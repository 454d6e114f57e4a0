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
  const notice = (
    <section className="card stack" aria-labelledby={invitation ? titleId : undefined}>
      {invitation && <InvitationSummary invitation={invitation} titleId={titleId} />}
      {invitation && <p>{t('invitationSignIn')}</p>}
      {error && <ErrorMessage message={error} />}
    </section>
  )
  // Keyed by the address so the form takes it once the invitation has loaded.
  return (
    <AuthPage
      key={invitation?.email ?? ''}
      onSignedIn={onSignedIn}
      notice={notice}
      defaultEmail={invitation?.email}
    />
  )
}
