import { UnreadMentionsLink } from '../features/mentions/UnreadMentionsLink.tsx'
import { Link } from './Link.tsx'
import { useSession } from './SessionContext.ts'
import { LanguageToggle } from './LanguageToggle.tsx'
import { t } from './i18n.ts'

export function Header() {
  const { user, signOut } = useSession()
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        {t('appName')}
      </Link>
      <div className="app-header__user">
        <UnreadMentionsLink />
        <span>{t('signedInAs', { name: user.name })}</span>
        <LanguageToggle />
        <button type="button" className="button button--secondary" onClick={() => void signOut()}>
          {t('logout')}
        </button>
      </div>
    </header>
  )
}
