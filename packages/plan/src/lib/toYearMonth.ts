import type { YearMonth } from './YearMonth.ts'

/**
 * Builds a `'YYYY-MM'` string; a month outside 1–12 rolls over into the neighbouring years,
 * so callers can do month arithmetic without handling December/January themselves.
 *
 * @example toYearMonth(2023, 13) // '2024-01'
 */
export function toYearMonth(year: number, month: number): YearMonth {
  const index = year * 12 + (month - 1)
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`
}
