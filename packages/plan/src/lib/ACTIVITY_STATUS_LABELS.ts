import type { ActivityStatus } from './Activity.ts'

/** Swedish labels shown to users for each status key. */
export const ACTIVITY_STATUS_LABELS: Readonly<Record<ActivityStatus, string>> = {
  planerad: 'planerad',
  pagar: 'pågår',
  klar: 'klar',
  installd: 'inställd',
}
