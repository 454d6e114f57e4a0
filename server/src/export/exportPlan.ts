import {
  ACTIVITY_STATUS_LABELS,
  formatYearMonth,
  ownerName,
  projectPeriodSource,
  readPlan,
  readProjectPeriod,
  type PlanMember,
} from '@samskriv/plan'
import { readSections } from '@samskriv/schema'
import type * as Y from 'yjs'

/** The färdplan's activities as a table of plain text, for the writers. */
export interface ExportPlan {
  /** "januari 2025 – december 2026", or null when the document states no period. */
  period: string | null
  headers: readonly string[]
  rows: string[][]
}

export const PLAN_TITLE = 'Tids- och aktivitetsplan'
export const PLAN_EMPTY = 'Planen har inga aktiviteter.'

const HEADERS = ['Aktivitet', 'Ansvarig', 'Start', 'Slut', 'Status', 'Fas', 'Upprepas'] as const
const REPEATS = { month: 'Varje månad', quarter: 'Varje kvartal' } as const

// Status labels are lower case for running text; a table cell starts with a capital.
function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1)
}

/**
 * The plan as the table in the app shows it: sorted by start month, owners under their current
 * names (leavers and outside actors marked), months in Swedish.
 */
export function readExportPlan(doc: Y.Doc, members: readonly PlanMember[]): ExportPlan {
  const source = projectPeriodSource(readSections(doc))
  const { start, end } = source ? readProjectPeriod(doc, source) : { start: null, end: null }
  const period =
    start || end ? `${start ? formatYearMonth(start) : 'ej angiven'} – ${end ? formatYearMonth(end) : 'ej angiven'}` : null
  const rows = readPlan(doc)
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((activity) => [
      activity.title,
      ownerName(activity.owner, members),
      formatYearMonth(activity.start),
      formatYearMonth(activity.end),
      capitalize(ACTIVITY_STATUS_LABELS[activity.status]),
      activity.phase,
      activity.recurrence ? REPEATS[activity.recurrence.every] : '',
    ])
  return { period, headers: HEADERS, rows }
}
