import type { CheckStatus, Verdict } from '@samskriv/checks'
import { t, type MessageKey } from '../../app/i18n.ts'

const VERDICT_KEYS: Record<Verdict, MessageKey> = {
  pass: 'checksOverallPass',
  warn: 'checksOverallWarn',
  fail: 'checksOverallFail',
  pending: 'checksOverallPending',
}

const STATUS_KEYS: Record<CheckStatus, MessageKey> = {
  pass: 'checksStatusPass',
  warn: 'checksStatusWarn',
  fail: 'checksStatusFail',
  pending: 'checksStatusPending',
}

/** The overall verdict in words (never colour alone), in the UI's language: the downloaded report's wording. */
export function verdictText(verdict: Verdict): string {
  return t(VERDICT_KEYS[verdict])
}

/** One item's status in words, in the UI's language. */
export function statusText(status: CheckStatus): string {
  return t(STATUS_KEYS[status])
}

/** The choices an analyst signs off with (their labels are the item statuses'). */
export const SIGN_OFF_CHOICES = ['pass', 'warn', 'fail'] as const
