import * as Y from 'yjs'
import type { ActivityPatch } from './Activity.ts'
import { activityMap } from './activityMap.ts'
import { isRecord } from './isRecord.ts'
import { isSameValue } from './isSameValue.ts'
import { planArray } from './planArray.ts'
import { rawActivityId } from './rawActivityId.ts'
import { storedFields } from './storedFields.ts'

/**
 * Changes some fields of an activity. Only keys whose value actually changes are written,
 * each as its own map key, so two users editing different fields of the same activity at the
 * same time both keep their edit. Returns false when no activity has that id; throws
 * (writing nothing) on an invalid value.
 *
 * @example
 * updateActivity(doc, id, { status: 'pagar' })
 */
export function updateActivity(doc: Y.Doc, id: string, patch: ActivityPatch): boolean {
  const fields = storedFields(patch)
  const array = planArray(doc)
  if (!array) return false
  let found = false
  doc.transact(() => {
    // Every copy is updated (a concurrent double move leaves two), so whichever copy a
    // reader shows carries the edit.
    for (let index = array.length - 1; index >= 0; index--) {
      const item = array.get(index)
      if (rawActivityId(item) !== id) continue
      found = true
      if (item instanceof Y.Map) {
        const map = item as Y.Map<unknown>
        for (const [key, value] of fields) {
          if (!isSameValue(map.get(key), value)) map.set(key, value)
        }
      } else if (isRecord(item)) {
        // A row stored as a plain object cannot be edited per key: replace it with a Y.Map.
        array.delete(index, 1)
        array.insert(index, [activityMap(id, fields, item)])
      }
    }
  })
  return found
}
