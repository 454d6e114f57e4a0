import type { ActivityStatus } from './Activity.ts'
import { ACTIVITY_STATUS_LABELS } from './ACTIVITY_STATUS_LABELS.ts'

/**
 * The words the CSV and iCalendar exports write around the plan's own text, so a UI in another
 * language can export in it. Swedish (`SWEDISH_PLAN_WORDS`) when none are given.
 */
export interface PlanWords {
  /** The CSV's column headers: id, title, description, phase, start, end, status, owner, repeats, repeats until, links. */
  headers: readonly [string, string, string, string, string, string, string, string, string, string, string]
  status: Readonly<Record<ActivityStatus, string>>
  recurrence: Readonly<Record<'month' | 'quarter', string>>
  /** After an outside actor's name: "Region Dalarna (extern)". */
  external: string
  /** After a former member's name. */
  departed: string
  /** Line labels in a calendar event's description. */
  owner: string
  phase: string
  statusLine: string
  linkedTo: string
  /** A calendar event's summary when the activity has no title. */
  untitled: string
}

export const SWEDISH_PLAN_WORDS: PlanWords = {
  headers: ['ID', 'Aktivitet', 'Beskrivning', 'Fas', 'Startmånad', 'Slutmånad', 'Status', 'Ansvarig', 'Upprepas', 'Upprepas till', 'Kopplingar'],
  status: ACTIVITY_STATUS_LABELS,
  recurrence: { month: 'varje månad', quarter: 'varje kvartal' },
  external: 'extern',
  departed: 'har lämnat arbetsytan',
  owner: 'Ansvarig',
  phase: 'Fas',
  statusLine: 'Status',
  linkedTo: 'Kopplat till',
  untitled: 'Aktivitet utan titel',
}
