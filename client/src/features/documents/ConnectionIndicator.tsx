import { t } from '../../app/i18n.ts'
import type { ConnectionStatus } from '../../collab/useCollabDoc.ts'

const label: Record<ConnectionStatus, 'connected' | 'reconnecting' | 'offline' | 'connectionStopped'> = {
  connected: 'connected',
  reconnecting: 'reconnecting',
  offline: 'offline',
  stopped: 'connectionStopped',
}

export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  return (
    <p className={`connection connection--${status}`} role="status" aria-live="polite" data-testid="connection-status" data-status={status}>
      <span className="connection__dot" aria-hidden="true" />
      {t(label[status])}
    </p>
  )
}
