import type { Recurrence } from '@samskriv/plan'
import { t, type MessageKey } from '../../app/i18n.ts'
import { monthLabel } from './monthLabel.ts'

export const REPEAT_KEYS: Record<Recurrence['every'], MessageKey> = { month: 'planRepeatMonth', quarter: 'planRepeatQuarter' }

/** How often an activity repeats, in the UI's language: "Nej", "Varje månad", "Varje kvartal till juni 2025". */
export function recurrenceLabel(recurrence: Recurrence | null): string {
  if (!recurrence) return t('planRepeatNone')
  const repeats = t(REPEAT_KEYS[recurrence.every])
  return recurrence.until ? t('planRepeatUntil', { repeats, month: monthLabel(recurrence.until) }) : repeats
}
