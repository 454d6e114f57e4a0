/** What `validatePlan` can find; stable codes for the UI, Swedish text for the user. */
export type PlanIssueCode =
  | 'empty-title'
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
}
