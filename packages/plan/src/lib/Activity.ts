import type { YearMonth } from './YearMonth.ts'

/** Status keys are ASCII so they are safe in storage and URLs; labels are in ACTIVITY_STATUS_LABELS. */
export type ActivityStatus = 'planerad' | 'pagar' | 'klar' | 'installd'

/**
 * Who is responsible: a workspace member (by user id, with the name as it was when chosen,
 * so the plan still reads well after the member has left) or an external actor by name.
 */
export type ActivityOwner =
  { kind: 'member'; userId: string; name: string } | { kind: 'external'; name: string }

/**
 * A recurring activity happens once per month (or quarter) from `start`. Each occurrence is
 * one month long. The series runs to `until` when given, otherwise to the activity's `end`.
 */
export interface Recurrence {
  every: 'month' | 'quarter'
  until?: YearMonth
}

/** One row of the färdplan's time and activity plan. */
export interface Activity {
  id: string
  title: string
  description: string
  owner: ActivityOwner | null
  start: YearMonth
  end: YearMonth
  status: ActivityStatus
  phase: string
  /** Section ids or goal ids this activity contributes to. */
  links: string[]
  recurrence: Recurrence | null
}

/** An activity as the import preview shows it, before it gets an id. */
export type DraftActivity = Omit<Activity, 'id'> & {
  /** 1-based lines of the pasted text the activity came from (several when merged). */
  sourceLines: number[]
}

/** What `addActivity` accepts: an activity whose id is generated when missing. */
export type ActivityInput = Omit<Activity, 'id'> & { id?: string }

/** The fields `updateActivity` may change. */
export type ActivityPatch = Partial<Omit<Activity, 'id'>>
