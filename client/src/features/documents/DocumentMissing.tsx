import { useCallback, useState } from 'react'
import { Link } from '../../app/Link.tsx'
import { t } from '../../app/i18n.ts'

/**
 * A page of a document that is gone: whether it does not exist, was deleted (also while open) or
 * is another workspace's. `onMissing` swaps it in, which unmounts the document and closes its
 * connection instead of letting it retry.
 */
export function DocumentMissing() {
  return (
    <main className="page" id="main">
      <h1>{t('documentMissingTitle')}</h1>
      <p>{t('fatalNotFound')}</p>
      <p>
        <Link href="/">{t('toStart')}</Link>
      </p>
    </main>
  )
}

/** Whether the page's document turned out to be missing, and the callback that says so. */
export function useDocumentMissing(): [boolean, () => void] {
  const [missing, setMissing] = useState(false)
  return [missing, useCallback(() => setMissing(true), [])]
}
