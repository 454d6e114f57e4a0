import type { YearMonth } from './YearMonth.ts'
import { monthIndex } from './monthIndex.ts'

/**
 * How many months `to` lies after `from` (negative when before). It is also the index of
 * `to` on a timeline that starts at `from`; the number of months shown is this plus one.
 *
 * @example monthsBetween('2023-10', '2024-09') // 11
 */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return monthIndex(to) - monthIndex(from)
}
