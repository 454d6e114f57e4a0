import { compareYearMonth, isYearMonth } from '@samskriv/plan'
import type { ProjectPeriod, YearMonth } from '@samskriv/plan'

/**
 * `month`, moved into the project period when it lies outside it: a new activity's suggested
 * month is this month, but not in a plan for a project that starts next year.
 *
 * @example monthWithin('2026-11', { start: '2027-01', end: '2028-12' }) // '2027-01'
 */
export function monthWithin(month: YearMonth, period: ProjectPeriod): YearMonth {
  if (period.start && isYearMonth(period.start) && compareYearMonth(month, period.start) < 0) return period.start
  if (period.end && isYearMonth(period.end) && compareYearMonth(month, period.end) > 0) return period.end
  return month
}
