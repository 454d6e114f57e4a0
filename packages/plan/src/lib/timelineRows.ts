import type { Activity, ActivityStatus } from './Activity.ts'
import type { MonthRange } from './expandRecurrence.ts'
import { expandRecurrence } from './expandRecurrence.ts'
import { isYearMonth } from './isYearMonth.ts'
import { monthsBetween } from './monthsBetween.ts'

/** One bar: month indexes relative to the range's `from`, both inclusive, clamped to the range. */
export interface TimelineBar {
  start: number
  end: number
  /** The activity goes on before `from` / after `to` (draw an open end). */
  continuesBefore: boolean
  continuesAfter: boolean
}

/** One activity's line on the timeline; recurring activities have one bar per occurrence. */
export interface TimelineRow {
  activityId: string
  title: string
  status: ActivityStatus
  bars: TimelineBar[]
}

/** The rows of one phase, in plan order. */
export interface TimelineGroup {
  phase: string
  /** The phase, or "Utan fas" for activities without one. */
  label: string
  rows: TimelineRow[]
}

/**
 * Lays the plan out for a timeline from `from` to `to` (inclusive): grouped by phase in the
 * order phases first appear, one row per activity that shows in the range, bars as month
 * indexes (0 = `from`, `monthsBetween(from, to)` = `to`).
 *
 * @example
 * const groups = timelineRows(readPlan(doc), { from: '2023-10', to: '2024-09' })
 */
export function timelineRows(activities: readonly Activity[], range: MonthRange): TimelineGroup[] {
  if (!isYearMonth(range.from) || !isYearMonth(range.to)) return []
  const last = monthsBetween(range.from, range.to)
  if (last < 0) return []
  const groups = new Map<string, TimelineGroup>()
  for (const activity of activities) {
    const bars = expandRecurrence(activity, range).map((occurrence): TimelineBar => {
      const start = monthsBetween(range.from, occurrence.start)
      const end = Math.max(start, monthsBetween(range.from, occurrence.end))
      return {
        start: Math.max(0, start),
        end: Math.min(last, end),
        continuesBefore: start < 0,
        continuesAfter: end > last,
      }
    })
    if (bars.length === 0) continue
    const phase = activity.phase.trim()
    let group = groups.get(phase)
    if (!group) {
      group = { phase, label: phase || 'Utan fas', rows: [] }
      groups.set(phase, group)
    }
    group.rows.push({
      activityId: activity.id,
      title: activity.title,
      status: activity.status,
      bars,
    })
  }
  return [...groups.values()]
}
