import { parseSwedishMonth } from './parseSwedishMonth.ts'

/** A month as written in a heading; the year is often left out. */
export interface HeadingMonth {
  month: number
  year?: number
}

/** What a heading-shaped line turned out to be. */
export type MonthHeading =
  | { kind: 'month'; start: HeadingMonth; end?: HeadingMonth }
  /** Shaped like a heading ("Oktobr 2023", "Höst–vinter") but a word is not a month. */
  | { kind: 'unknown'; word: string; hasYear: boolean; isRange: boolean }

// Month, optional year, optionally a range to a second month with optional year:
// "Oktober 2023", "Jan 2024", "Mars–April 2024", "maj-juli", "nov 2023 till feb 2024".
const HEADING =
  /^(\p{L}+)\.?(?:\s+(\d{4}))?(?:(?:\s*[-–—/]\s*|\s+till\s+)(\p{L}+)\.?(?:\s+(\d{4}))?)?$/iu

/**
 * Reads a month heading line, after removing Markdown or Word decoration (#, **, a trailing
 * colon). Returns null for a line that does not look like a heading at all.
 */
export function parseMonthHeading(line: string): MonthHeading | null {
  const cleaned = line
    .trim()
    .replace(/^#+\s*/, '')
    .replace(/^(\*\*|__)(.*)\1$/, '$2')
    .replace(/\s*:$/, '')
    .replace(/^(\*\*|__)(.*)\1$/, '$2')
    .trim()
  const match = HEADING.exec(cleaned)
  if (!match) return null
  const [, startWord = '', startYear, endWord, endYear] = match
  const isRange = endWord !== undefined
  const hasYear = startYear !== undefined || endYear !== undefined
  const startMonth = parseSwedishMonth(startWord)
  if (startMonth === null) return { kind: 'unknown', word: startWord, hasYear, isRange }
  const start: HeadingMonth = startYear
    ? { month: startMonth, year: Number(startYear) }
    : { month: startMonth }
  if (!isRange) return { kind: 'month', start }
  const endMonth = parseSwedishMonth(endWord)
  if (endMonth === null) return { kind: 'unknown', word: endWord, hasYear, isRange }
  const end: HeadingMonth = endYear
    ? { month: endMonth, year: Number(endYear) }
    : { month: endMonth }
  return { kind: 'month', start, end }
}
