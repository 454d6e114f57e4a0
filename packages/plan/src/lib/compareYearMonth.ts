import type { YearMonth } from './YearMonth.ts'
import { monthIndex } from './monthIndex.ts'

/** Negative, zero or positive like `Array.prototype.sort` expects. */
export function compareYearMonth(a: YearMonth, b: YearMonth): number {
  return monthIndex(a) - monthIndex(b)
}
