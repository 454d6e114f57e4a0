import { ACTIVITY_STATUS_LABELS } from '@samskriv/plan'
import type { ActivityStatus } from '@samskriv/plan'

/**
 * A status as the UI shows it, capitalised like the app's other labels ("Pågår"). The
 * package's labels stay lower case: they are also the words the text import recognises.
 */
export function statusLabel(status: ActivityStatus): string {
  const label = ACTIVITY_STATUS_LABELS[status]
  return label.charAt(0).toLocaleUpperCase('sv') + label.slice(1)
}
