import * as Y from 'yjs'
import type { Activity } from './Activity.ts'
import { isRecord } from './isRecord.ts'
import { normalizeActivity } from './normalizeActivity.ts'

/** One readable row of the plan root and where it sits in the underlying Y.Array. */
export interface PlanEntry {
  activity: Activity
  /** Index in the Y.Array, which may differ from the visible index when rows are skipped. */
  rawIndex: number
  /** The Y.Map, or null for a row stored as a plain object (repaired on the next write). */
  map: Y.Map<unknown> | null
}

/**
 * The rows of the plan that can be shown, in order. Unreadable rows are skipped, and when an
 * id appears twice (two users moved the same activity at once: each move inserts a copy)
 * the first copy wins, so readers see one activity per id.
 */
export function planEntries(array: Y.Array<unknown>): PlanEntry[] {
  const seen = new Set<string>()
  const entries: PlanEntry[] = []
  array.forEach((item, rawIndex) => {
    const map = item instanceof Y.Map ? (item as Y.Map<unknown>) : null
    const record: unknown = map ? map.toJSON() : isRecord(item) ? item : null
    const activity = normalizeActivity(record)
    if (!activity || seen.has(activity.id)) return
    seen.add(activity.id)
    entries.push({ activity, rawIndex, map })
  })
  return entries
}
