import type { DraftActivity } from './Activity.ts'
import type { BulletLine } from './parseBulletLine.ts'
import type { PlanTextItem } from './draftsFromItems.ts'
import type { PlanTextMessage } from './PlanTextMessage.ts'
import type { RawHeading, ResolvedHeading } from './resolveHeadingMonths.ts'
import type { YearMonth } from './YearMonth.ts'
import { closestSwedishMonth } from './closestSwedishMonth.ts'
import { draftsFromItems } from './draftsFromItems.ts'
import { formatYearMonth } from './formatYearMonth.ts'
import { parseBulletLine } from './parseBulletLine.ts'
import { parseMonthHeading } from './parseMonthHeading.ts'
import { resolveHeadingMonths } from './resolveHeadingMonths.ts'
import { yearMonthFromIndex } from './yearMonthFromIndex.ts'

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

type Line =
  | { kind: 'blank' }
  | { kind: 'heading'; heading: RawHeading }
  | { kind: 'bullet'; bullet: BulletLine }
  | { kind: 'text'; text: string; indent: number }

// Text pasted from Word and Google Docs carries non-breaking and zero-width spaces.
function clean(raw: string): string {
  return raw
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .trimEnd()
}

function classify(raw: string, line: number): Line | { kind: 'bad-heading'; word: string; suggestion: string | null; hasYear: boolean; isRange: boolean } {
  const text = clean(raw)
  if (!text.trim()) return { kind: 'blank' }
  const bullet = parseBulletLine(text)
  // A month written as a list item ("- Oktober 2023" with activities below it) is a heading too.
  const heading = parseMonthHeading(bullet ? bullet.text : text)
  if (heading?.kind === 'month') return { kind: 'heading', heading: { line, ...heading } }
  if (bullet) return { kind: 'bullet', bullet }
  if (heading?.kind === 'unknown') {
    const suggestion = closestSwedishMonth(heading.word)
    if (suggestion || heading.hasYear || heading.isRange) return { ...heading, kind: 'bad-heading', suggestion }
  }
  return { kind: 'text', text: text.trim(), indent: text.length - text.trimStart().length }
}

function label(heading: ResolvedHeading): string {
  const start = formatYearMonth(yearMonthFromIndex(heading.start))
  return heading.end === heading.start ? start : `${start}–${formatYearMonth(yearMonthFromIndex(heading.end))}`
}

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
export function parsePlanText(text: string, options: ParsePlanTextOptions = {}): ParsePlanTextResult {
  const warnings: PlanTextMessage[] = []
  const errors: PlanTextMessage[] = []
  const refuse = (): ParsePlanTextResult => ({ activities: [], warnings, errors })
  const classified = text.split(/\r\n|\r|\n/).map((raw, i) => classify(raw, i + 1))
  const firstContent = classified.findIndex((line) => line.kind !== 'blank')
  if (firstContent < 0) {
    errors.push({ line: 1, message: 'Texten är tom. Klistra in en tids- och aktivitetsplan med en rubrik för varje månad.' })
    return refuse()
  }

  const lines: Line[] = classified.map((line, i) => {
    if (line.kind !== 'bad-heading') return line
    const next = classified.slice(i + 1).find((other) => other.kind !== 'blank')
    // A near-miss of a month name is a typo for sure; "Budget 2024" only when items follow,
    // since they would otherwise land under the previous month.
    if (line.suggestion ? next && next.kind !== 'heading' : next?.kind === 'bullet') {
      const hint = line.suggestion ? ` Menade du ”${line.suggestion}”?` : ''
      errors.push({ line: i + 1, message: `Okänt månadsnamn ”${line.word}”.${hint} Skriv rubriken som t.ex. ”Oktober 2023”.` })
    }
    return { kind: 'text', text: line.word, indent: 0 }
  })
  const raw = lines.flatMap((line) => (line.kind === 'heading' ? [line.heading] : []))
  if (raw.length === 0) {
    if (errors.length === 0) {
      errors.push({
        line: firstContent + 1,
        message: 'Hittade ingen månadsrubrik. Skriv varje månad på en egen rad före dess aktiviteter, t.ex. ”Oktober 2023”.',
      })
    }
    return refuse()
  }
  const resolved = resolveHeadingMonths(raw, options)
  warnings.push(...resolved.warnings)
  errors.push(...resolved.errors)

  const items: Array<PlanTextItem & { parts: string[] }> = []
  let heading: ResolvedHeading | undefined
  let headingIndex = -1
  let block = { bullets: false, topIndent: 0, topSecondary: false, hasTop: false, count: 0 }
  let current: (PlanTextItem & { parts: string[] }) | null = null
  let last: 'title' | 'part' | null = null
  let subIndents: number[] = []
  let previousBlank = false

  const closeBlock = (): void => {
    if (heading && block.count === 0) warnings.push({ line: heading.line, message: `Inga aktiviteter under ${label(heading)}.` })
  }
  const startItem = (title: string, line: number): void => {
    if (!heading) return
    current = { title, description: '', parts: [], line, start: heading.start, end: heading.end }
    items.push(current)
    block.count++
    last = 'title'
    subIndents = []
  }

  lines.forEach((line, i) => {
    const number = i + 1
    if (line.kind === 'blank') {
      previousBlank = true
      return
    }
    const afterBlank = previousBlank
    previousBlank = false
    if (line.kind === 'heading') {
      closeBlock()
      headingIndex++
      heading = resolved.headings[headingIndex]
      const upcoming = lines.slice(i + 1)
      const end = upcoming.findIndex((other) => other.kind === 'heading')
      const body = end < 0 ? upcoming : upcoming.slice(0, end)
      block = { bullets: body.some((other) => other.kind === 'bullet'), topIndent: 0, topSecondary: false, hasTop: false, count: 0 }
      if (!block.bullets && body.some((other) => other.kind === 'text') && heading) {
        warnings.push({ line: number, message: `Inga punkter under ${label(heading)}: varje rad tolkas som en aktivitet.` })
      }
      current = null
      last = null
      return
    }
    if (headingIndex < 0) {
      if (line.kind === 'bullet') {
        errors.push({ line: number, message: 'Punkten står före första månadsrubriken. Lägg till en rubrik som ”Oktober 2023” ovanför.' })
      } else {
        warnings.push({ line: number, message: 'Raden står före första månadsrubriken och hoppas över.' })
      }
      return
    }
    if (line.kind === 'bullet') {
      const { bullet } = line
      if (!bullet.text) {
        warnings.push({ line: number, message: 'Tom punkt hoppas över.' })
        return
      }
      const nested =
        current !== null && block.hasTop && (bullet.indent > block.topIndent || (bullet.secondary && !block.topSecondary))
      if (!nested || !current) {
        if (!block.hasTop) block = { ...block, hasTop: true, topIndent: bullet.indent, topSecondary: bullet.secondary }
        startItem(bullet.text, number)
        return
      }
      while (subIndents.length > 0 && (subIndents[subIndents.length - 1] ?? 0) > bullet.indent) subIndents.pop()
      if (subIndents[subIndents.length - 1] !== bullet.indent) subIndents.push(bullet.indent)
      const item: PlanTextItem & { parts: string[] } = current
      item.parts.push(`${'  '.repeat(subIndents.length - 1)}• ${bullet.text}`)
      last = 'part'
      return
    }
    if (!block.bullets) {
      startItem(line.text, number)
      return
    }
    const item = current as (PlanTextItem & { parts: string[] }) | null
    if (item && last && !afterBlank) {
      // A wrapped line continues whatever it follows, as in Markdown.
      if (last === 'title') item.title = `${item.title} ${line.text}`
      else item.parts[item.parts.length - 1] += ` ${line.text}`
      return
    }
    if (item && last && line.indent > block.topIndent) {
      item.parts.push(line.text)
      last = 'part'
      return
    }
    warnings.push({ line: number, message: 'Raden är varken en månadsrubrik eller en punkt och hoppas över.' })
    current = null
    last = null
  })
  closeBlock()
  if (errors.length > 0) return refuse()

  const { drafts, warnings: mergeWarnings } = draftsFromItems(
    items.map(({ parts, ...item }) => ({ ...item, description: parts.join('\n') })),
  )
  warnings.push(...mergeWarnings)
  warnings.sort((a, b) => a.line - b.line)
  return { activities: drafts, warnings, errors }
}
