import type { YearMonth } from './YearMonth.ts'
import { toYearMonth } from './toYearMonth.ts'

/** Inverse of `monthIndex`. */
export function yearMonthFromIndex(index: number): YearMonth {
  return toYearMonth(0, index + 1)
}
