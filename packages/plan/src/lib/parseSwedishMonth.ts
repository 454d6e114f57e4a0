import { SWEDISH_MONTH_NAMES } from './SWEDISH_MONTH_NAMES.ts'

// The common abbreviations in Swedish documents; "mars", "maj" are already short. "mar" and
// "febr" are not standard but appear in pasted plans often enough to accept.
const ABBREVIATIONS: Record<string, number> = {
  jan: 1,
  feb: 2,
  febr: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  nov: 11,
  dec: 12,
}

/**
 * The month number (1–12) of a Swedish month name or abbreviation, case-insensitive, with an
 * optional trailing period ("okt."); null for anything else.
 *
 * @example parseSwedishMonth('Sept.') // 9
 */
export function parseSwedishMonth(word: string): number | null {
  const key = word.trim().replace(/\.$/, '').toLocaleLowerCase('sv')
  const full = (SWEDISH_MONTH_NAMES as readonly string[]).indexOf(key)
  if (full >= 0) return full + 1
  return ABBREVIATIONS[key] ?? null
}
