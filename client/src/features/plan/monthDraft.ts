import { isYearMonth } from '@samskriv/plan'

/** What a month field's value means for the document: write it, clear the month, or leave it. */
export type MonthDraftAction = { kind: 'write'; value: string } | { kind: 'clear' } | { kind: 'keep' }

// Chromium reports a year being typed digit by digit ("0002-03", "0020-03"): not a month anyone means.
const FIRST_YEAR = 1900
const LAST_YEAR = 2200

/** A complete month with a plausible year (1900–2200). */
export function isPlausibleMonth(value: string): boolean {
  if (!isYearMonth(value)) return false
  const year = Number(value.slice(0, 4))
  return year >= FIRST_YEAR && year <= LAST_YEAR
}

interface MonthDraftOptions {
  /** The month stored in the document ('' when unset). */
  stored: string
  /** Whether the month may be unset (the project period); a plan row's months may not. */
  clearable: boolean
  /**
   * Leaving the field (blur) rather than typing in it; `emptied` says the field is really empty
   * (the browser reports '' for a half-typed month too, see `validity.badInput`).
   */
  leaving?: { emptied: boolean }
}

/**
 * Decides what a month field's draft writes. While typing only a complete, plausible month is
 * written, never a clear; on leaving, an emptied field clears a clearable month.
 *
 * @example
 * monthDraftAction('0002-12', { stored: '2025-12', clearable: true }) // { kind: 'keep' }
 */
export function monthDraftAction(draft: string, { stored, clearable, leaving }: MonthDraftOptions): MonthDraftAction {
  if (isPlausibleMonth(draft)) return draft === stored ? { kind: 'keep' } : { kind: 'write', value: draft }
  if (leaving?.emptied && draft === '' && clearable && stored !== '') return { kind: 'clear' }
  return { kind: 'keep' }
}
