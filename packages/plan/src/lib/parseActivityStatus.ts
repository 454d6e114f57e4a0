import type { ActivityStatus } from './Activity.ts'
import { ACTIVITY_STATUSES } from './ACTIVITY_STATUSES.ts'
import { ACTIVITY_STATUS_LABELS } from './ACTIVITY_STATUS_LABELS.ts'

/**
 * Reads a status from its key or its Swedish label ("pågår", "Inställd"), case-insensitive;
 * null when it is neither. Labels are accepted because hand-edited data and CSV use them.
 */
export function parseActivityStatus(value: unknown): ActivityStatus | null {
  if (typeof value !== 'string') return null
  const key = value.trim().toLocaleLowerCase('sv')
  for (const status of ACTIVITY_STATUSES) {
    if (key === status || key === ACTIVITY_STATUS_LABELS[status]) return status
  }
  return null
}
