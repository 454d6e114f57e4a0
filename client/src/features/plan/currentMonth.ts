import type { YearMonth } from '@samskriv/plan'

/** This month as 'YYYY-MM' in local time. */
export function currentMonth(now: Date = new Date()): YearMonth {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`
}
