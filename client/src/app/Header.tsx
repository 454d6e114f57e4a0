import { UnreadMentionsLink } from '../features/mentions/UnreadMentionsLink.tsx'
import { Link } from './Link.tsx'
import { useSession } from './SessionContext.ts'
import { getLang, setLang, t } from './i18n.ts'

export function Header() {
  const { user, signOut } = useSession()
  const other = getLang() === 'sv' ? 'en' : 'sv'
  const switchLanguage = () => {
    setLang(other)
    // Every string comes from the plain `t()`; a reload re-renders them all (the document is kept in Yjs).
    window.location.reload()
  }
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        {t('appName')}
      </Link>
      <div className="app-header__user">
        <UnreadMentionsLink />
        <span>{t('signedInAs', { name: user.name })}</span>
        <button type="button" className="button button--secondary" lang={other} aria-label={t('switchLanguageLabel')} onClick={switchLanguage}>
          {t('switchLanguage')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void signOut()}>
          {t('logout')}
        </button>
      </div>
    </header>
  )
}
