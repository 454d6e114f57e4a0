import type { YearMonth } from './YearMonth.ts'

const PATTERN = /^(\d{4})-(\d{2})$/

/**
 * Splits a `'YYYY-MM'` string into numbers, or returns null when it is not one.
 *
 * @example parseYearMonth('2024-01') // { year: 2024, month: 1 }
 */
export function parseYearMonth(value: YearMonth): { year: number; month: number } | null {
  const match = PATTERN.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  if (year < 1000 || month < 1 || month > 12) return null
  return { year, month }
}
