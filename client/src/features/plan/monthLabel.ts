import { formatYearMonth, parseYearMonth } from '@samskriv/plan'
import type { YearMonth } from '@samskriv/plan'
import { getLang } from '../../app/i18n.ts'

const english = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/**
 * A month as the UI shows it: "januari 2026" in Swedish (as the plan package writes it for
 * exports and messages), "January 2026" in English. Text that is not a month is shown as it is.
 */
export function monthLabel(value: YearMonth): string {
  const parsed = parseYearMonth(value)
  if (getLang() !== 'en' || !parsed) return formatYearMonth(value)
  return english.format(new Date(Date.UTC(parsed.year, parsed.month - 1, 1)))
}
