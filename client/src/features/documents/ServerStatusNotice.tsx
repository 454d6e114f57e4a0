import type { WebsocketProvider } from 'y-websocket'
import { t } from '../../app/i18n.ts'
import { useServerStatus } from '../../collab/useCollabDoc.ts'

/** Tells the user while the server cannot save or reach the other instances; it goes away by itself. */
export function ServerStatusNotice({ provider }: { provider: WebsocketProvider | null }) {
  const { storageUnavailable, fanoutUnavailable } = useServerStatus(provider)
  // Always rendered, so screen readers announce the text when it appears in the live region.
  return (
    <div role="status" aria-live="polite" data-testid="server-status">
      {storageUnavailable && <p className="notice">{t('serverStorageUnavailable')}</p>}
      {fanoutUnavailable && <p className="notice">{t('serverFanoutUnavailable')}</p>}
    </div>
  )
}
