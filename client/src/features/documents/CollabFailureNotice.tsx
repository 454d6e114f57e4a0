import { t } from '../../app/i18n.ts'
import type { CollabFailure } from '../../collab/useCollabDoc.ts'

interface CollabFailureNoticeProps {
  failure: CollabFailure
  onReload: () => void
}

export function CollabFailureNotice({ failure, onReload }: CollabFailureNoticeProps) {
  const message = failure === 'unauthorized' ? t('fatalUnauthorized') : failure === 'notFound' ? t('fatalNotFound') : t('rejectedUpdate')
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {failure === 'rejected' && (
        <button type="button" className="button" onClick={onReload}>
          {t('reloadDocument')}
        </button>
      )}
      {/* The app asks for a login on load and comes back to this document after it. */}
      {failure === 'unauthorized' && (
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('logInAgain')}
        </button>
      )}
    </div>
  )
}
