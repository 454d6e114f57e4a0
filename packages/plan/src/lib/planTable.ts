import type { Activity } from './Activity.ts'
import { ACTIVITY_STATUS_LABELS } from './ACTIVITY_STATUS_LABELS.ts'
import type { ProjectPeriod } from './ProjectPeriod.ts'
import { formatYearMonth } from './formatYearMonth.ts'
import type { PlanMember } from './ownerName.ts'
import { ownerName } from './ownerName.ts'

/** The time plan as a table of Swedish text, as the print view and the exports show it. */
export interface PlanTable {
  /** "januari 2025 – december 2026", or null when the document states no period. */
  period: string | null
  headers: readonly string[]
  rows: string[][]
}

/** What a linked section needs for the table: its id and current title. */
export interface PlanTableSection {
  id: string
  title: string
}

/** Options of `planTable`. */
export interface PlanTableOptions {
  /** Current members, so owners show their current names and leavers are marked; omit while unknown. */
  members?: readonly PlanMember[]
  /** The document's sections, so links show the linked sections' current titles. */
  sections: readonly PlanTableSection[]
  period: ProjectPeriod
}

export const PLAN_TABLE_TITLE = 'Tids- och aktivitetsplan'
export const PLAN_TABLE_EMPTY = 'Planen har inga aktiviteter.'

const HEADERS = ['Aktivitet', 'Ansvarig', 'Start', 'Slut', 'Status', 'Fas', 'Upprepas', 'Kopplade avsnitt'] as const
const REPEATS = { month: 'Varje månad', quarter: 'Varje kvartal' } as const
// What the plan panel calls a link whose section was removed.
const REMOVED_SECTION = '(borttaget avsnitt)'

// Status labels are lower case for running text; a table cell starts with a capital.
function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1)
}

function repeats(activity: Activity): string {
  if (!activity.recurrence) return ''
  const { every, until } = activity.recurrence
  return until ? `${REPEATS[every]} till ${formatYearMonth(until)}` : REPEATS[every]
}

/**
 * The plan as the panel's table shows it, one row per activity sorted by start month: owners
 * under their current names (leavers and outside actors marked), months and status in Swedish,
 * recurrence, and the sections each activity contributes to by their current titles.
 *
 * @example
 * const table = planTable(readPlan(doc), { members, sections: readSections(doc), period: readProjectPeriod(doc, source) })
 */
export function planTable(activities: readonly Activity[], options: PlanTableOptions): PlanTable {
  const { start, end } = options.period
  const period =
    start || end ? `${start ? formatYearMonth(start) : 'ej angiven'} – ${end ? formatYearMonth(end) : 'ej angiven'}` : null
  const titles = new Map(options.sections.map((section) => [section.id, section.title.trim() || section.id]))
  const rows = [...activities]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((activity) => [
      activity.title,
      ownerName(activity.owner, options.members),
      formatYearMonth(activity.start),
      formatYearMonth(activity.end),
      capitalize(ACTIVITY_STATUS_LABELS[activity.status]),
      activity.phase,
      repeats(activity),
      activity.links.map((link) => titles.get(link) ?? REMOVED_SECTION).join('; '),
    ])
  return { period, headers: HEADERS, rows }
}
