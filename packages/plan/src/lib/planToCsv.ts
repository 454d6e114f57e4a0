import type { Activity } from './Activity.ts'
import type { PlanMember } from './ownerName.ts'
import { ownerName } from './ownerName.ts'
import { SWEDISH_PLAN_WORDS, type PlanWords } from './PlanWords.ts'

/** Options of `planToCsv`. */
export interface PlanToCsvOptions {
  /** Current members, so owners show their current names and leavers are marked. */
  members?: readonly PlanMember[]
  /**
   * Field separator. A comma (RFC 4180) by default; Excel with Swedish regional settings
   * expects a semicolon when a file is opened by double-click, so the UI may offer ';'.
   */
  delimiter?: ',' | ';'
  /**
   * How a link (a section or goal id) is written, e.g. as the linked section's current title.
   * The ids themselves by default.
   */
  linkLabel?: (link: string) => string
  /** The headers, statuses and owner marks in the UI's language; Swedish by default. */
  words?: PlanWords
}

/** Swedish column headers, in column order. */
export const PLAN_CSV_HEADERS = SWEDISH_PLAN_WORDS.headers

// Excel runs a cell that starts with one of these as a formula (CSV injection, OWASP); a
// leading apostrophe makes it text. Plan text comes from every collaborator, so guard it.
const FORMULA_START = /^[=+\-@\t\r]/

function escapeField(value: string, delimiter: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return safe.includes('"') || safe.includes(delimiter) || /[\r\n]/.test(safe)
    ? `"${safe.replaceAll('"', '""')}"`
    : safe
}

/**
 * The plan as CSV for Excel and other tools: RFC 4180 (comma, CRLF, double quotes around
 * fields with a delimiter, quote or line break) with a UTF-8 byte order mark, without which
 * Excel reads the file as Windows-1252 and garbles å, ä and ö. Headers and status are in
 * Swedish; links are joined with "; " (as ids, or as `linkLabel` names them). Cells that Excel would run as formulas get a leading
 * apostrophe.
 *
 * @example
 * const blob = new Blob([planToCsv(readPlan(doc), { members })], { type: 'text/csv;charset=utf-8' })
 */
export function planToCsv(activities: readonly Activity[], options: PlanToCsvOptions = {}): string {
  const delimiter = options.delimiter ?? ','
  const linkLabel = options.linkLabel ?? ((link: string) => link)
  const words = options.words ?? SWEDISH_PLAN_WORDS
  const rows: string[][] = [[...words.headers]]
  for (const activity of activities) {
    rows.push([
      activity.id,
      activity.title,
      activity.description,
      activity.phase,
      activity.start,
      activity.end,
      words.status[activity.status],
      ownerName(activity.owner, options.members, words),
      activity.recurrence ? words.recurrence[activity.recurrence.every] : '',
      activity.recurrence?.until ?? '',
      activity.links.map(linkLabel).join('; '),
    ])
  }
  return (
    '\uFEFF' +
    rows
      .map((row) => row.map((field) => escapeField(field, delimiter)).join(delimiter) + '\r\n')
      .join('')
  )
}
