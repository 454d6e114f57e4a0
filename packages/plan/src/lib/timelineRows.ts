import type { Activity, ActivityStatus } from './Activity.ts'
import type { MonthRange } from './expandRecurrence.ts'
import { expandRecurrence } from './expandRecurrence.ts'
import { isYearMonth } from './isYearMonth.ts'
import { monthIndex } from './monthIndex.ts'
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

/** The rows of one phase, sorted by start month, then end month, then title. */
export interface TimelineGroup {
  phase: string
  /** The phase, or "Utan fas" for activities without one. */
  label: string
  rows: TimelineRow[]
}

interface Placed {
  row: TimelineRow
  start: number
  end: number
}

const byTitle = (a: string, b: string) => a.localeCompare(b, 'sv')

function compareRows(a: Placed, b: Placed): number {
  return a.start - b.start || a.end - b.end || byTitle(a.row.title, b.row.title)
}

/**
 * Lays the plan out for a timeline from `from` to `to` (inclusive): one row per activity that
 * shows in the range, grouped by phase, bars as month indexes (0 = `from`,
 * `monthsBetween(from, to)` = `to`).
 *
 * The timeline reads in time like the table beside it: phases in the order they begin (their
 * earliest start; a tie by name), and within a phase the rows by start, end and title.
 * Activities without a phase come last, under "Utan fas": they are not a stage of the project
 * (often ongoing work), so they should not break the sequence of the phases that are.
 *
 * @example
 * const groups = timelineRows(readPlan(doc), { from: '2023-10', to: '2024-09' })
 */
export function timelineRows(activities: readonly Activity[], range: MonthRange): TimelineGroup[] {
  if (!isYearMonth(range.from) || !isYearMonth(range.to)) return []
  const last = monthsBetween(range.from, range.to)
  if (last < 0) return []
  const groups = new Map<string, Placed[]>()
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
    // expandRecurrence returns bars only for an activity with valid months.
    if (bars.length === 0) continue
    const phase = activity.phase.trim()
    const placed: Placed = {
      row: { activityId: activity.id, title: activity.title, status: activity.status, bars },
      start: monthIndex(activity.start),
      end: monthIndex(activity.end),
    }
    const group = groups.get(phase)
    if (group) group.push(placed)
    else groups.set(phase, [placed])
  }
  return [...groups.entries()]
    .map(([phase, placed]) => ({ phase, placed: placed.sort(compareRows) }))
    .sort((a, b) => {
      if (!a.phase !== !b.phase) return a.phase ? -1 : 1
      return (a.placed[0]?.start ?? 0) - (b.placed[0]?.start ?? 0) || byTitle(a.phase, b.phase)
    })
    .map(({ phase, placed }) => ({ phase, label: phase || 'Utan fas', rows: placed.map(({ row }) => row) }))
}
