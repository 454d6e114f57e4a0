import type { HeadingMonth } from './parseMonthHeading.ts'
import type { PlanTextMessage } from './PlanTextMessage.ts'
import type { YearMonth } from './YearMonth.ts'
import { formatYearMonth } from './formatYearMonth.ts'
import { isYearMonth } from './isYearMonth.ts'
import { monthIndex } from './monthIndex.ts'
import { yearMonthFromIndex } from './yearMonthFromIndex.ts'

/** A month heading as found in the text. */
export interface RawHeading {
  line: number
  start: HeadingMonth
  end?: HeadingMonth
}

/** A heading with its months fixed, as month indexes (see `monthIndex`). */
export interface ResolvedHeading {
  line: number
  start: number
  end: number
}

/** Options that supply the year when the first headings leave it out. */
export interface YearHints {
  defaultYear?: number
  projectStart?: YearMonth
}

// The first index with this month on or after `after`: "januari" after "december 2023" is 2024.
function onOrAfter(month: number, after: number): number {
  const year = Math.floor(after / 12)
  const candidate = year * 12 + month - 1
  return candidate >= after ? candidate : candidate + 12
}

// The last index with this month on or before `before`, for reading years backwards.
function onOrBefore(month: number, before: number): number {
  const year = Math.floor(before / 12)
  const candidate = year * 12 + month - 1
  return candidate <= before ? candidate : candidate - 12
}

function explicitStart(heading: RawHeading): number | null {
  if (heading.start.year !== undefined) return heading.start.year * 12 + heading.start.month - 1
  const end = heading.end
  if (end?.year === undefined) return null
  return onOrBefore(heading.start.month, end.year * 12 + end.month - 1)
}

function resolveEnd(heading: RawHeading, start: number): number {
  const end = heading.end
  if (!end) return start
  if (end.year !== undefined) return end.year * 12 + end.month - 1
  return onOrAfter(end.month, start)
}

// Where counting starts when the first heading has no year: just before the first month of
// the year the caller names, or the project's first month.
function anchor(hints: YearHints): number | null {
  if (hints.defaultYear !== undefined && Number.isInteger(hints.defaultYear))
    return hints.defaultYear * 12
  if (isYearMonth(hints.projectStart)) return monthIndex(hints.projectStart)
  return null
}

/**
 * Gives every heading its months. Written years are kept; a missing year continues from the
 * previous heading and moves to the next year when the month comes earlier in the calendar
 * (oktober, november, december, januari → the new year). For the first headings the year
 * comes from `defaultYear`, `projectStart`, or is read backwards from the first heading that
 * has one.
 */
export function resolveHeadingMonths(
  headings: readonly RawHeading[],
  hints: YearHints,
): { headings: ResolvedHeading[]; warnings: PlanTextMessage[]; errors: PlanTextMessage[] } {
  const warnings: PlanTextMessage[] = []
  const errors: PlanTextMessage[] = []
  const first = headings[0]
  if (!first) return { headings: [], warnings, errors }
  const starts: Array<number | null> = headings.map(explicitStart)
  let cursor = anchor(hints)
  if (starts[0] === null && cursor === null) {
    const known = starts.findIndex((start) => start !== null)
    const knownStart = starts[known]
    if (known < 0 || knownStart === null || knownStart === undefined) {
      errors.push({
        line: first.line,
        message:
          'Året framgår inte. Skriv året i den första månadsrubriken, t.ex. ”Oktober 2023”, eller ange projektets startmånad.',
      })
      return { headings: [], warnings, errors }
    }
    // Read backwards from the first written year: each earlier heading ends on or before the next starts.
    let next = knownStart
    for (let i = known - 1; i >= 0; i--) {
      const heading = headings[i] as RawHeading
      const end = onOrBefore(heading.end?.month ?? heading.start.month, next)
      next = onOrBefore(heading.start.month, end)
      starts[i] = next
    }
  }
  const resolved: ResolvedHeading[] = []
  headings.forEach((heading, i) => {
    const start = starts[i] ?? onOrAfter(heading.start.month, cursor ?? 0)
    const end = resolveEnd(heading, start)
    if (end < start) {
      errors.push({
        line: heading.line,
        message: `Perioden slutar (${formatYearMonth(yearMonthFromIndex(end))}) före den börjar (${formatYearMonth(yearMonthFromIndex(start))}).`,
      })
    }
    const previous = resolved[resolved.length - 1]
    if (previous && start < previous.start) {
      warnings.push({
        line: heading.line,
        message: `${formatYearMonth(yearMonthFromIndex(start))} kommer före föregående rubrik (${formatYearMonth(yearMonthFromIndex(previous.start))}). Kontrollera årtalet.`,
      })
    }
    resolved.push({ line: heading.line, start, end: Math.max(start, end) })
    cursor = Math.max(start, end)
  })
  return { headings: resolved, warnings, errors }
}
