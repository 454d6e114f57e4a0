import type { YearMonth } from './YearMonth.ts'
import { parseYearMonth } from './parseYearMonth.ts'

/** True for a well-formed `'YYYY-MM'` string; accepts unknown so stored data can be checked. */
export function isYearMonth(value: unknown): value is YearMonth {
  return typeof value === 'string' && parseYearMonth(value) !== null
}
