import { useCallback, useEffect, useMemo, useState } from 'react'
import { api } from '../api/client.ts'
import type { User } from '../api/client.ts'
import { AuthPage } from '../features/auth/AuthPage.tsx'
import { InvitationAuthPage } from '../features/invitations/InvitationAuthPage.tsx'
import { AppRoutes } from './AppRoutes.tsx'
import { Header } from './Header.tsx'
import { LanguageToggle } from './LanguageToggle.tsx'
import { PageErrorBoundary } from './PageErrorBoundary.tsx'
import { SessionContext } from './SessionContext.ts'
import type { Session } from './SessionContext.ts'
import { t } from './i18n.ts'
import { matchRoute } from './useRoute.ts'

type SessionState =
  { status: 'loading' } | { status: 'signedOut' } | { status: 'signedIn'; user: User }

export function App() {
  const [state, setState] = useState<SessionState>({ status: 'loading' })

  useEffect(() => {
    let cancelled = false
    api
      .me()
      .then(
        (user) =>
          !cancelled && setState(user ? { status: 'signedIn', user } : { status: 'signedOut' }),
      )
      .catch(() => !cancelled && setState({ status: 'signedOut' }))
    return () => {
      cancelled = true
    }
  }, [])

  const signOut = useCallback(async () => {
    await api.logout().catch(() => undefined)
    setState({ status: 'signedOut' })
  }, [])

  const session = useMemo<Session | null>(
    () => (state.status === 'signedIn' ? { user: state.user, signOut } : null),
    [state, signOut],
  )

  if (state.status === 'loading') {
    return (
      <main className="page" id="main">
        <p>{t('loading')}</p>
      </main>
    )
  }
  if (!session) {
    const onSignedIn = (user: User) => setState({ status: 'signedIn', user })
    const route = matchRoute(window.location.pathname)
    return (
      <>
        {/* Someone invited who reads English better chooses it before signing in. */}
        <header className="app-header app-header--signed-out">
          <LanguageToggle />
        </header>
        {route.name === 'invitation' ? (
          <InvitationAuthPage token={route.token} onSignedIn={onSignedIn} />
        ) : (
          <AuthPage onSignedIn={onSignedIn} />
        )}
      </>
    )
  }
  return (
    <SessionContext.Provider value={session}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Header />
      <PageErrorBoundary>
        <AppRoutes />
      </PageErrorBoundary>
    </SessionContext.Provider>
  )
}
