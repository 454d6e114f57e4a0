import type { Activity } from './Activity.ts'
import type { PlanIssue, PlanIssueParams } from './PlanIssue.ts'
import type { YearMonth } from './YearMonth.ts'
import { formatYearMonth } from './formatYearMonth.ts'
import { isYearMonth } from './isYearMonth.ts'
import { monthIndex } from './monthIndex.ts'
import { TITLE_MAX_LENGTH } from './TITLE_MAX_LENGTH.ts'

/** Options of `validatePlan`; each check runs only when its input is given. */
export interface ValidatePlanOptions {
  projectStart?: YearMonth
  projectEnd?: YearMonth
  /** User ids of the workspace's current members. */
  memberIds?: Iterable<string>
}

/** How a message names an activity: its title, cut short so a long one does not fill the list. */
function shortTitle(activity: Activity): string {
  const title = [...activity.title.trim()]
  return title.length > 60 ? `${title.slice(0, 60).join('').trimEnd()}…` : title.join('')
}

function label(activity: Activity): string {
  const title = shortTitle(activity)
  return title ? `”${title}”` : 'Aktiviteten'
}

/**
 * Checks the plan for things a coordinator should fix before export or review. Returns one
 * issue per problem, in plan order; an empty array means the plan is consistent.
 *
 * @example
 * validatePlan(readPlan(doc), { projectStart: '2023-10', projectEnd: '2024-09', memberIds })
 */
export function validatePlan(
  activities: readonly Activity[],
  options: ValidatePlanOptions = {},
): PlanIssue[] {
  const members = options.memberIds ? new Set(options.memberIds) : null
  const projectStart = isYearMonth(options.projectStart) ? options.projectStart : null
  const projectEnd = isYearMonth(options.projectEnd) ? options.projectEnd : null
  const issues: PlanIssue[] = []
  for (const activity of activities) {
    const title = shortTitle(activity)
    const push = (field: PlanIssue['field'], code: PlanIssue['code'], message: string, params: Omit<PlanIssueParams, 'title'> = {}): void => {
      issues.push({ activityId: activity.id, field, code, message, params: { title, ...params } })
    }
    if (!activity.title.trim()) push('title', 'empty-title', 'Aktiviteten saknar titel.')
    // Typing stops at the limit; a text merged from two people's typing, an import or another tool does not.
    const length = [...activity.title].length
    if (length > TITLE_MAX_LENGTH)
      push('title', 'title-too-long', `${label(activity)} har ${length} tecken; en aktivitet får ha högst ${TITLE_MAX_LENGTH}.`, { length })
    const datesValid = isYearMonth(activity.start) && isYearMonth(activity.end)
    if (datesValid && monthIndex(activity.end) < monthIndex(activity.start)) {
      push(
        'end',
        'end-before-start',
        `${label(activity)} slutar (${formatYearMonth(activity.end)}) före sin start (${formatYearMonth(activity.start)}).`,
        { start: activity.start, end: activity.end },
      )
    }
    if (datesValid && projectStart && monthIndex(activity.start) < monthIndex(projectStart)) {
      push(
        'start',
        'starts-before-project',
        `${label(activity)} börjar ${formatYearMonth(activity.start)}, före projektets start ${formatYearMonth(projectStart)}.`,
        { start: activity.start, projectStart },
      )
    }
    const lastMonth = lastActiveMonth(activity)
    if (datesValid && projectEnd && lastMonth && monthIndex(lastMonth) > monthIndex(projectEnd)) {
      push(
        activity.recurrence?.until && lastMonth === activity.recurrence.until
          ? 'recurrence'
          : 'end',
        'ends-after-project',
        `${label(activity)} pågår till ${formatYearMonth(lastMonth)}, efter projektets slut ${formatYearMonth(projectEnd)}.`,
        { lastMonth, projectEnd },
      )
    }
    const until = activity.recurrence?.until
    if (
      datesValid &&
      until &&
      (monthIndex(until) < monthIndex(activity.start) ||
        monthIndex(until) > monthIndex(activity.end))
    ) {
      push(
        'recurrence',
        'recurrence-outside-activity',
        `${label(activity)} upprepas till ${formatYearMonth(until)}, utanför aktivitetens tid ${formatYearMonth(activity.start)}–${formatYearMonth(activity.end)}.`,
        { until, start: activity.start, end: activity.end },
      )
    }
    const owner = activity.owner
    if (members && owner?.kind === 'member' && !members.has(owner.userId)) {
      const who = owner.name.trim() || 'en tidigare medlem'
      push(
        'owner',
        'owner-not-member',
        `Ansvarig har lämnat arbetsytan: ${label(activity)} har ${who} som ansvarig. Välj en ny ansvarig.`,
        { owner: owner.name.trim() },
      )
    }
  }
  return issues
}

// A recurring series may be cut off by `until` or run past `end` through it; the later one
// is what decides whether the activity overruns the project.
function lastActiveMonth(activity: Activity): YearMonth | null {
  const until = activity.recurrence?.until
  if (!isYearMonth(activity.end)) return null
  if (!until || !isYearMonth(until)) return activity.end
  return monthIndex(until) > monthIndex(activity.end) ? until : activity.end
}
