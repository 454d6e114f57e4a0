import type { YearMonth } from './YearMonth.ts'
import { isYearMonth } from './isYearMonth.ts'
import { toYearMonth } from './toYearMonth.ts'

const LOOSE_MONTH = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/

/**
 * Reads a month from stored data leniently: `'2024-1'` and a full date `'2024-01-15'` are
 * repaired to `'2024-01'`, because hand edits and other tools write them; null otherwise.
 */
export function coerceYearMonth(value: unknown): YearMonth | null {
  if (isYearMonth(value)) return value
  if (typeof value !== 'string') return null
  const match = LOOSE_MONTH.exec(value.trim())
  if (!match) return null
  const month = Number(match[2])
  if (month < 1 || month > 12) return null
  // A year before 1000 ("0002", a date input's half-typed year) is no month here, as in `isYearMonth`.
  const coerced = toYearMonth(Number(match[1]), month)
  return isYearMonth(coerced) ? coerced : null
}
