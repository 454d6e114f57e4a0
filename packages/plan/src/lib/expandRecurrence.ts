import type { Activity } from './Activity.ts'
import type { YearMonth } from './YearMonth.ts'
import { isYearMonth } from './isYearMonth.ts'
import { monthIndex } from './monthIndex.ts'
import { yearMonthFromIndex } from './yearMonthFromIndex.ts'

/** One stretch of time an activity takes place, both months inclusive. */
export interface Occurrence {
  start: YearMonth
  end: YearMonth
}

/** Inclusive window of months; occurrences that overlap it are returned. */
export interface MonthRange {
  from: YearMonth
  to: YearMonth
}

// A plan spans months or a few years; the cap keeps a typo such as until 9999-12 from
// producing a hundred thousand bars.
const MAX_OCCURRENCES = 1200

/**
 * The occurrences of an activity: itself for a one-off, or one month per month (every third
 * month for a quarter) from `start` through `recurrence.until`, or through `end` when there
 * is no `until`. With a `range`, only occurrences that overlap it are returned.
 *
 * @example
 * expandRecurrence({ start: '2023-10', end: '2024-09', recurrence: { every: 'month' } }).length // 12
 */
export function expandRecurrence(
  activity: Pick<Activity, 'start' | 'end' | 'recurrence'>,
  range?: MonthRange,
): Occurrence[] {
  if (!isYearMonth(activity.start) || !isYearMonth(activity.end)) return []
  const from = range && isYearMonth(range.from) ? monthIndex(range.from) : -Infinity
  const to = range && isYearMonth(range.to) ? monthIndex(range.to) : Infinity
  const start = monthIndex(activity.start)
  const { recurrence } = activity
  if (!recurrence) {
    const end = Math.max(start, monthIndex(activity.end))
    return end < from || start > to ? [] : [{ start: activity.start, end: activity.end }]
  }
  const step = recurrence.every === 'quarter' ? 3 : 1
  const last = Math.min(
    isYearMonth(recurrence.until) ? monthIndex(recurrence.until) : monthIndex(activity.end),
    to,
  )
  // Jump straight to the first occurrence inside the range instead of walking up to it.
  let index = start < from ? start + Math.ceil((from - start) / step) * step : start
  const occurrences: Occurrence[] = []
  for (; index <= last && occurrences.length < MAX_OCCURRENCES; index += step) {
    const month = yearMonthFromIndex(index)
    occurrences.push({ start: month, end: month })
  }
  return occurrences
}
