import { getLang, setLang, t } from './i18n.ts'

/** Switches between Swedish and English; the button's text is in the language it switches to. */
export function LanguageToggle() {
  const other = getLang() === 'sv' ? 'en' : 'sv'
  const switchLanguage = () => {
    setLang(other)
    // Every string comes from the plain `t()`; a reload re-renders them all (the document is kept in Yjs).
    window.location.reload()
  }
  return (
    <button type="button" className="button button--secondary" lang={other} aria-label={t('switchLanguageLabel')} onClick={switchLanguage}>
      {t('switchLanguage')}
    </button>
  )
}
