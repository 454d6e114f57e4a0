import type { Recurrence } from './Activity.ts'
import { coerceYearMonth } from './coerceYearMonth.ts'
import { isRecord } from './isRecord.ts'

/** A valid recurrence from stored or incoming data; null when absent or unusable. */
export function normalizeRecurrence(value: unknown): Recurrence | null {
  if (!isRecord(value)) return null
  if (value.every !== 'month' && value.every !== 'quarter') return null
  const until = coerceYearMonth(value.until)
  return until ? { every: value.every, until } : { every: value.every }
}
