import type { Activity, ActivityStatus } from './Activity.ts'
import type { YearMonth } from './YearMonth.ts'
import { addMonths } from './addMonths.ts'
import { escapeICalText } from './escapeICalText.ts'
import { foldICalLine } from './foldICalLine.ts'
import { isYearMonth } from './isYearMonth.ts'
import { monthIndex } from './monthIndex.ts'
import { ownerName } from './ownerName.ts'
import type { PlanMember } from './ownerName.ts'
import { SWEDISH_PLAN_WORDS, type PlanWords } from './PlanWords.ts'

/** Options of `planToICalendar`. */
export interface PlanToICalendarOptions {
  /** Shown as the calendar's name by clients that read NAME / X-WR-CALNAME. */
  calendarName: string
  /** DTSTAMP of every event; the current time when omitted (pass it for stable output). */
  now?: Date
  /** Current members, to name owners in the description. */
  members?: readonly PlanMember[]
  /**
   * Names a link (a section or goal id), e.g. by the linked section's current title. Links are
   * listed in the description only when given: bare ids mean nothing in a calendar.
   */
  linkLabel?: (link: string) => string
  /** The description's labels and statuses in the UI's language; Swedish by default. */
  words?: PlanWords
}

// "planerad" is a plan, not a booking: TENTATIVE tells calendar users it may still move.
const STATUS: Record<ActivityStatus, string> = {
  planerad: 'TENTATIVE',
  pagar: 'CONFIRMED',
  klar: 'CONFIRMED',
  installd: 'CANCELLED',
}

function date(month: YearMonth): string {
  return `${month.replace('-', '')}01`
}

function timestamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

function description(activity: Activity, options: PlanToICalendarOptions): string {
  const { members, linkLabel } = options
  const words = options.words ?? SWEDISH_PLAN_WORDS
  const lines = [activity.description.trim()]
  const owner = ownerName(activity.owner, members, words)
  if (owner) lines.push(`${words.owner}: ${owner}`)
  if (activity.phase.trim()) lines.push(`${words.phase}: ${activity.phase.trim()}`)
  lines.push(`${words.statusLine}: ${words.status[activity.status]}`)
  if (linkLabel && activity.links.length > 0) lines.push(`${words.linkedTo}: ${activity.links.map(linkLabel).join('; ')}`)
  return lines.filter(Boolean).join('\n')
}

function event(activity: Activity, stamp: string, options: PlanToICalendarOptions): string[] {
  // An activity whose end precedes its start (validatePlan flags it) is exported as one
  // month rather than as an event that ends before it begins, which clients reject.
  const end = monthIndex(activity.end) < monthIndex(activity.start) ? activity.start : activity.end
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeICalText(activity.id)}@samskriv`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${date(activity.start)}`,
  ]
  const { recurrence } = activity
  if (recurrence) {
    // Each occurrence is one month; the series runs to `until`, else to the activity's end.
    const until = recurrence.until && isYearMonth(recurrence.until) ? recurrence.until : end
    lines.push(`DTEND;VALUE=DATE:${date(addMonths(activity.start, 1))}`)
    lines.push(
      `RRULE:FREQ=MONTHLY${recurrence.every === 'quarter' ? ';INTERVAL=3' : ''};UNTIL=${date(until)}`,
    )
  } else {
    lines.push(`DTEND;VALUE=DATE:${date(addMonths(end, 1))}`)
  }
  lines.push(`SUMMARY:${escapeICalText(activity.title.trim() || (options.words ?? SWEDISH_PLAN_WORDS).untitled)}`)
  const text = description(activity, options)
  if (text) lines.push(`DESCRIPTION:${escapeICalText(text)}`)
  if (activity.phase.trim()) lines.push(`CATEGORIES:${escapeICalText(activity.phase.trim())}`)
  // Month-long all-day events must not show the whole team as busy for a month.
  lines.push(`STATUS:${STATUS[activity.status]}`, 'TRANSP:TRANSPARENT', 'END:VEVENT')
  return lines
}

/**
 * The plan as an iCalendar file (RFC 5545) for Outlook, Google Calendar and the like: one
 * all-day VEVENT per activity from the first of its start month to the first of the month
 * after its end; recurring activities become one event a month long with an RRULE. Lines end
 * in CRLF and are folded at 75 octets.
 *
 * @example
 * const ics = planToICalendar(readPlan(doc), { calendarName: 'Färdplan 2023–2024' })
 */
export function planToICalendar(
  activities: readonly Activity[],
  options: PlanToICalendarOptions,
): string {
  const stamp = timestamp(options.now ?? new Date())
  const name = escapeICalText(options.calendarName)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Samskriv//Fardplan//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
  ]
  for (const activity of activities) {
    if (!isYearMonth(activity.start) || !isYearMonth(activity.end)) continue
    lines.push(...event(activity, stamp, options))
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldICalLine).join('\r\n') + '\r\n'
}
