import type { YearMonth } from './YearMonth.ts'
import { monthIndex } from './monthIndex.ts'
import { yearMonthFromIndex } from './yearMonthFromIndex.ts'

/**
 * Moves a month forwards (or backwards with a negative count), across year boundaries.
 *
 * @example addMonths('2023-11', 3) // '2024-02'
 */
export function addMonths(value: YearMonth, months: number): YearMonth {
  return yearMonthFromIndex(monthIndex(value) + months)
}
