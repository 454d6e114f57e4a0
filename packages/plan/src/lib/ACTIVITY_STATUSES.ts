import type { ActivityStatus } from './Activity.ts'

/** All statuses in the order a user moves through them. */
export const ACTIVITY_STATUSES: readonly ActivityStatus[] = [
  'planerad',
  'pagar',
  'klar',
  'installd',
]
