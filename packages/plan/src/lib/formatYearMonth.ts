import type { YearMonth } from './YearMonth.ts'
import { SWEDISH_MONTH_NAMES } from './SWEDISH_MONTH_NAMES.ts'
import { parseYearMonth } from './parseYearMonth.ts'

/**
 * A month as Swedish text for messages and exports: "oktober 2023". Malformed input is
 * returned as it is, so a message about bad data can still show the bad value.
 *
 * @example formatYearMonth('2024-01') // 'januari 2024'
 */
export function formatYearMonth(value: YearMonth): string {
  const parsed = parseYearMonth(value)
  if (!parsed) return value
  return `${SWEDISH_MONTH_NAMES[parsed.month - 1]} ${parsed.year}`
}
