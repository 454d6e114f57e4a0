import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent, KeyboardEvent, ReactNode } from 'react'
import { api, errorMessage } from '../../api/client.ts'
import type { User } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { t } from '../../app/i18n.ts'

type Action = 'login' | 'register'

interface AuthPageProps {
  onSignedIn: (user: User) => void
  /** Shown above the form, e.g. what an invitation link is for. */
  notice?: ReactNode
  /** The address to start with (an invitation's). */
  defaultEmail?: string
}

/**
 * One form for both signing in and creating an account: the submit button that was pressed
 * decides the action, so the fields keep unique labels.
 */
export function AuthPage({ onSignedIn, notice, defaultEmail }: AuthPageProps) {
  const id = useId()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // The pressed button is disabled while the request runs, which drops focus to the page: after a
  // refusal it gets focus back (the error itself is announced as an alert).
  const pressed = useRef<HTMLButtonElement | null>(null)
  useEffect(() => {
    if (error && !busy) pressed.current?.focus()
  }, [error, busy])

  // Enter in a field submits with the first button, "Logga in"; only a new account asks for a
  // name, so Enter with a name filled in means "Skapa konto".
  const byEnter = useRef(false)
  const handleKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    byEnter.current = event.key === 'Enter' && event.target instanceof HTMLInputElement
  }

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    const form = new FormData(event.currentTarget)
    const email = String(form.get('email') ?? '').trim()
    const name = String(form.get('name') ?? '').trim()
    const password = String(form.get('password') ?? '')
    const registerByEnter = byEnter.current && name !== ''
    byEnter.current = false
    const action: Action =
      registerByEnter || (submitter instanceof HTMLButtonElement && submitter.value === 'register')
        ? 'register'
        : 'login'
    pressed.current = registerByEnter
      ? event.currentTarget.querySelector<HTMLButtonElement>('button[value="register"]')
      : submitter instanceof HTMLButtonElement ? submitter : null
    if (action === 'register' && !name) {
      setError(t('nameRequired'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      const result =
        action === 'register'
          ? await api.register({ email, name, password })
          : await api.login({ email, password })
      onSignedIn(result.user)
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
    }
  }

  return (
    <main className="page page--narrow" id="main">
      <h1>{t('appName')}</h1>
      <div className="stack">
        {notice}
        <form
          className="card stack"
          onSubmit={(event) => void handleSubmit(event)}
          onKeyDown={handleKeyDown}
          aria-labelledby={`${id}-title`}
        >
          <h2 id={`${id}-title`}>{t('authTitle')}</h2>
          <p className="muted">{t('authIntro')}</p>
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('email')}</label>
            <input
              id={`${id}-email`}
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={defaultEmail}
              required
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('name')}</label>
            <input id={`${id}-name`} name="name" type="text" autoComplete="name" maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('password')}</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="current-password"
              required
            />
          </div>
          <ErrorMessage message={error} />
          <div className="actions">
            <button type="submit" className="button" name="action" value="login" disabled={busy}>
              {t('login')}
            </button>
            <button
              type="submit"
              className="button button--secondary"
              name="action"
              value="register"
              disabled={busy}
            >
              {t('register')}
            </button>
          </div>
        </form>
      </div>
    </main>
  )
}
