import type { YearMonth } from './YearMonth.ts'
import { parseYearMonth } from './parseYearMonth.ts'

/**
 * Months since year 0 (`year * 12 + month - 1`): turns month arithmetic into integer
 * arithmetic. Throws on a malformed value, since callers are expected to have validated it.
 */
export function monthIndex(value: YearMonth): number {
  const parsed = parseYearMonth(value)
  if (!parsed) throw new RangeError(`Not a YYYY-MM month: ${JSON.stringify(value)}`)
  return parsed.year * 12 + parsed.month - 1
}
