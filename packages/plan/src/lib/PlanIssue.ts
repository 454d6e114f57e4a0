import type { YearMonth } from './YearMonth.ts'

/** What `validatePlan` can find; stable codes for the UI, Swedish text for the user. */
export type PlanIssueCode =
  | 'empty-title'
  | 'title-too-long'
  | 'end-before-start'
  | 'starts-before-project'
  | 'ends-after-project'
  | 'owner-not-member'
  | 'recurrence-outside-activity'

/** One problem with one field of one activity. */
export interface PlanIssue {
  activityId: string
  field: 'title' | 'start' | 'end' | 'owner' | 'recurrence'
  code: PlanIssueCode
  /** Swedish, ready to show. */
  message: string
  /**
   * What the message names, for a UI that words it in another language: the activity's title
   * (trimmed, empty when it has none, cut to its first 60 characters and "…" when longer) and the months (YYYY-MM) or the owner's name it mentions.
   */
  params: PlanIssueParams
}

export interface PlanIssueParams {
  title: string
  start?: YearMonth
  end?: YearMonth
  /** The last month the activity runs (its end, or its series' end when later). */
  lastMonth?: YearMonth
  until?: YearMonth
  projectStart?: YearMonth
  projectEnd?: YearMonth
  /** A former member's name as stored with the activity; empty when unknown. */
  owner?: string
  /** A title's length in characters, when it is too long. */
  length?: number
}
