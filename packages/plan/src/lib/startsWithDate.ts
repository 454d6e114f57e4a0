import { parseSwedishMonth } from './parseSwedishMonth.ts'

// "13/2027 …", "2027-05 …", "5.2027 …": a number, a separator and another number.
const NUMERIC_DATE = /^\d{1,4}\s*[-–—/.]\s*\d{1,4}\b/u
// "Maj 2027 …", "Maj–juli 2027 …": a month word (or range) and a year.
const MONTH_AND_YEAR = /^(\p{L}+)\.?(?:\s*[-–—/]\s*\p{L}+\.?)?\s+\d{4}\b/u

/**
 * Whether a line of pasted plan text opens with a date or a month and year, as a heading with
 * an activity on the same line ("Maj–juli 2027 Slutredigering") or a mistyped month
 * ("13/2027 …") does: such a line is never the wrapped end of the item above it.
 */
export function startsWithDate(text: string): boolean {
  if (NUMERIC_DATE.test(text)) return true
  const month = MONTH_AND_YEAR.exec(text)
  return month !== null && parseSwedishMonth(month[1] ?? '') !== null
}
