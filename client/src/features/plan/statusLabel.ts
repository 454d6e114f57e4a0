import type { ActivityStatus } from '@samskriv/plan'
import { t, type MessageKey } from '../../app/i18n.ts'

const STATUS_KEYS: Record<ActivityStatus, MessageKey> = {
  planerad: 'planStatusPlanerad',
  pagar: 'planStatusPagar',
  klar: 'planStatusKlar',
  installd: 'planStatusInstalld',
}

/**
 * A status as the UI shows it, capitalised like the app's other labels ("Pågår"), in the UI's
 * language. The package's `ACTIVITY_STATUS_LABELS` stay the Swedish lower-case words: they are
 * also what the text import recognises and what exports write.
 */
export function statusLabel(status: ActivityStatus): string {
  return t(STATUS_KEYS[status])
}
