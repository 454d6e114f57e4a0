import { useEffect, useId, useRef, useState } from 'react'
import { api, errorMessage } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { Link } from '../../app/Link.tsx'
import { useSession } from '../../app/SessionContext.ts'
import { t } from '../../app/i18n.ts'
import { navigate } from '../../app/useRoute.ts'
import { InvitationSummary } from './InvitationSummary.tsx'
import { useInvitation } from './useInvitation.ts'

/**
 * `/invite/:token` when signed in: says whom the invitation is for and joins the workspace on
 * request. Signed in with another address, it says so and offers to log out (the server lets
 * only the invited address in).
 */
export function InvitationPage({ token }: { token: string }) {
  const titleId = useId()
  const { user, signOut } = useSession()
  const { invitation, error: loadError } = useInvitation(token)
  const [error, setError] = useState<string | null>(null)
  const [joining, setJoining] = useState(false)

  const join = async () => {
    setJoining(true)
    setError(null)
    try {
      const joined = await api.acceptInvitation(token)
      navigate(`/w/${encodeURIComponent(joined.workspaceId)}`)
    } catch (caught) {
      setError(errorMessage(caught))
      setJoining(false)
    }
  }

  const otherAccount = invitation !== null && invitation.email !== user.email.toLowerCase()
  // The page opens (after "Skapa konto" too) with focus on its loading heading, which the
  // invitation's heading replaces: focus would drop to <body>. The next step takes it instead:
  // the join button, or the heading above why one cannot join.
  const joinRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!invitation) return
    if (document.activeElement && document.activeElement !== document.body) return
    if (joinRef.current) {
      joinRef.current.focus()
      return
    }
    const heading = document.getElementById(titleId)
    if (!heading) return
    heading.tabIndex = -1
    heading.focus()
  }, [invitation, titleId])
  return (
    <main className="page page--narrow" id="main">
      <p>
        <Link href="/">{t('backToWorkspaces')}</Link>
      </p>
      <section className="card stack" aria-labelledby={titleId}>
        {invitation ? (
          <InvitationSummary invitation={invitation} titleId={titleId} Heading="h1" />
        ) : (
          <h1 id={titleId}>
            {loadError
              ? t('invitationTitle', { workspace: t('invitationWorkspace') })
              : t('loading')}
          </h1>
        )}
        {otherAccount && <p>{t('invitationOtherAccount', { email: user.email })}</p>}
        <ErrorMessage message={loadError ?? error} />
        {invitation && (
          <div className="actions">
            {otherAccount ? (
              <button type="button" className="button" onClick={() => void signOut()}>
                {t('logout')}
              </button>
            ) : (
              // aria-disabled, not disabled: a disabled button drops a keyboard user's focus to <body>.
              <button
                ref={joinRef}
                type="button"
                className="button"
                onClick={() => {
                  if (!joining) void join()
                }}
                aria-disabled={joining || undefined}
              >
                {joining ? t('invitationJoining') : t('invitationAccept')}
              </button>
            )}
          </div>
        )}
      </section>
    </main>
  )
}
