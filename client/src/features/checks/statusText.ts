import type { CheckStatus, Verdict } from '@samskriv/checks'

/** The overall verdict in words (never colour alone). */
export const VERDICT_TEXT: Record<Verdict, string> = {
  pass: 'Godkänd',
  warn: 'Varningar',
  fail: 'Underkänd',
  pending: 'Väntar på analytiker',
}

/** One item's status in words. */
export const STATUS_TEXT: Record<CheckStatus, string> = {
  pass: 'Godkänd',
  warn: 'Varning',
  fail: 'Underkänd',
  pending: 'Väntar på bedömning',
}

/** The choices an analyst signs off with. */
export const SIGN_OFF_CHOICES = [
  { value: 'pass', label: 'Godkänd' },
  { value: 'warn', label: 'Varning' },
  { value: 'fail', label: 'Underkänd' },
] as const
