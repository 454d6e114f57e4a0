import type { WebsocketProvider } from 'y-websocket'
import { t } from '../../app/i18n.ts'
import { useServerStorageUnavailable } from '../../collab/useCollabDoc.ts'

/** Tells the user while the server cannot save; it goes away by itself when saving works again. */
export function ServerStatusNotice({ provider }: { provider: WebsocketProvider | null }) {
  const storageUnavailable = useServerStorageUnavailable(provider)
  // Always rendered, so screen readers announce the text when it appears in the live region.
  return (
    <div role="status" aria-live="polite" data-testid="server-status">
      {storageUnavailable && <p className="notice">{t('serverStorageUnavailable')}</p>}
    </div>
  )
}
