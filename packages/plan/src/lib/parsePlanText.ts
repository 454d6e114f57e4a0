import type { DraftActivity } from './Activity.ts'
import type { PlanTextLine } from './PlanTextLine.ts'
import type { PlanTextMessage } from './PlanTextMessage.ts'
import type { YearMonth } from './YearMonth.ts'
import { classifyPlanLine } from './classifyPlanLine.ts'
import { collectPlanItems } from './collectPlanItems.ts'
import { draftsFromItems } from './draftsFromItems.ts'
import { resolveHeadingMonths } from './resolveHeadingMonths.ts'

/** Options of `parsePlanText`: where the year comes from when the first headings omit it. */
export interface ParsePlanTextOptions {
  defaultYear?: number
  projectStart?: YearMonth
}

/** The import preview: drafts to add, and what the user should know or fix first. */
export interface ParsePlanTextResult {
  /** Empty whenever there are errors: a refused text imports nothing. */
  activities: DraftActivity[]
  warnings: PlanTextMessage[]
  errors: PlanTextMessage[]
}

const byLine = (a: PlanTextMessage, b: PlanTextMessage): number => a.line - b.line

/**
 * Reads a time and activity plan as groups paste it: month headings ("Oktober 2023",
 * "November", "Jan 2024:", "Mars–April 2024", "Maj-juli") each followed by list items ("-",
 * "•", "*", "–", "1."). Sub-items become the description of their item. A heading without a
 * year continues from the one before (december → januari moves to the next year). The same
 * activity under consecutive months becomes one monthly recurring activity; an item under a
 * range heading spans the range. Nothing is imported when there are errors (empty text, no
 * month heading, an item before the first heading, an unknown month name).
 *
 * @example
 * const { activities, warnings, errors } = parsePlanText(pasted, { projectStart: '2023-10' })
 */
export function parsePlanText(
  text: string,
  options: ParsePlanTextOptions = {},
): ParsePlanTextResult {
  const warnings: PlanTextMessage[] = []
  const errors: PlanTextMessage[] = []
  const refuse = (): ParsePlanTextResult => ({
    activities: [],
    warnings: warnings.sort(byLine),
    errors: errors.sort(byLine),
  })
  const classified = text.split(/\r\n|\r|\n/).map((raw, i) => classifyPlanLine(raw, i + 1))
  const firstContent = classified.findIndex((line) => line.kind !== 'blank')
  if (firstContent < 0) {
    errors.push({
      line: 1,
      message:
        'Texten är tom. Klistra in en tids- och aktivitetsplan med en rubrik för varje månad.',
    })
    return refuse()
  }

  const lines: PlanTextLine[] = classified.map((line, i) => {
    if (line.kind !== 'bad-heading') return line
    const next = classified.slice(i + 1).find((other) => other.kind !== 'blank')
    // A near-miss of a month name is a typo for sure; "Budget 2024" only when items follow,
    // since they would otherwise land under the previous month.
    if (line.suggestion ? next && next.kind !== 'heading' : next?.kind === 'bullet') {
      const hint = line.suggestion ? ` Menade du ”${line.suggestion}”?` : ''
      errors.push({
        line: i + 1,
        message: `Okänt månadsnamn ”${line.word}”.${hint} Skriv rubriken som t.ex. ”Oktober 2023”.`,
      })
    }
    return { kind: 'text', text: line.text, indent: 0 }
  })
  const raw = lines.flatMap((line) => (line.kind === 'heading' ? [line.heading] : []))
  if (raw.length === 0) {
    if (errors.length === 0) {
      errors.push({
        line: firstContent + 1,
        message:
          'Hittade ingen månadsrubrik. Skriv varje månad på en egen rad före dess aktiviteter, t.ex. ”Oktober 2023”.',
      })
    }
    return refuse()
  }
  const resolved = resolveHeadingMonths(raw, options)
  warnings.push(...resolved.warnings)
  errors.push(...resolved.errors)
  // Without years the items cannot be placed; the error above says what to add.
  if (resolved.headings.length === 0) return refuse()

  const collected = collectPlanItems(lines, resolved.headings)
  warnings.push(...collected.warnings)
  errors.push(...collected.errors)
  if (errors.length > 0) return refuse()

  const { drafts, warnings: mergeWarnings } = draftsFromItems(collected.items)
  warnings.push(...mergeWarnings)
  warnings.sort(byLine)
  return { activities: drafts, warnings, errors }
}
