import type * as Y from 'yjs'
import type { Activity } from './Activity.ts'
import { planArray } from './planArray.ts'
import { planEntries } from './planEntries.ts'

/**
 * The färdplan's activities in their stored order. Never throws: malformed rows are repaired
 * where possible and skipped otherwise (see `normalizeActivity`).
 *
 * @example
 * const activities = readPlan(doc)
 */
export function readPlan(doc: Y.Doc): Activity[] {
  const array = planArray(doc)
  if (!array) return []
  try {
    return planEntries(array).map((entry) => entry.activity)
  } catch {
    return []
  }
}
