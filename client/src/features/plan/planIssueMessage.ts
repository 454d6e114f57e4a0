import { TITLE_MAX_LENGTH, type PlanIssue, type PlanIssueCode } from '@samskriv/plan'
import { t, type MessageKey } from '../../app/i18n.ts'
import { monthLabel } from './monthLabel.ts'

const MESSAGE_KEYS: Record<PlanIssueCode, MessageKey> = {
  'empty-title': 'planIssueEmptyTitle',
  'title-too-long': 'planIssueTitleTooLong',
  'end-before-start': 'planIssueEndBeforeStart',
  'starts-before-project': 'planIssueStartsBeforeProject',
  'ends-after-project': 'planIssueEndsAfterProject',
  'recurrence-outside-activity': 'planIssueRecurrenceOutside',
  'owner-not-member': 'planIssueOwnerLeft',
}

/**
 * What `validatePlan` found, worded in the UI's language from the issue's code and params (the
 * package's own `message` is Swedish only). An unknown code falls back to that message.
 */
export function planIssueMessage({ code, params, message }: PlanIssue): string {
  const key = MESSAGE_KEYS[code] as MessageKey | undefined
  if (!key) return message
  const months = Object.fromEntries(
    (['start', 'end', 'lastMonth', 'until', 'projectStart', 'projectEnd'] as const)
      .flatMap((name) => (params[name] ? [[name, monthLabel(params[name])]] : [])),
  )
  return t(key, {
    activity: params.title ? t('planIssueQuoted', { title: params.title }) : t('planIssueActivity'),
    owner: params.owner || t('planIssueFormerMember'),
    length: params.length ?? 0,
    max: TITLE_MAX_LENGTH,
    ...months,
  })
}
