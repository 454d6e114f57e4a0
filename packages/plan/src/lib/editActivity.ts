import * as Y from 'yjs'
import { activityMap } from './activityMap.ts'
import { isRecord } from './isRecord.ts'
import { planArray } from './planArray.ts'
import { rawActivityId } from './rawActivityId.ts'

/**
 * Runs `edit` on the Y.Map of an activity, in one transaction, for a change `updateActivity`'s
 * plain values cannot express (typing into a shared text). Every copy is edited (a concurrent
 * double move leaves two); a row stored as a plain object becomes a Y.Map first. Returns false
 * when no activity has that id.
 *
 * @example
 * editActivity(doc, id, (map) => map.set('status', 'klar'))
 */
export function editActivity(doc: Y.Doc, id: string, edit: (map: Y.Map<unknown>) => void): boolean {
  const array = planArray(doc)
  if (!array) return false
  let found = false
  doc.transact(() => {
    for (let index = array.length - 1; index >= 0; index--) {
      const item = array.get(index)
      if (rawActivityId(item) !== id) continue
      found = true
      if (item instanceof Y.Map) {
        edit(item as Y.Map<unknown>)
      } else if (isRecord(item)) {
        const map = activityMap(id, [], item)
        array.delete(index, 1)
        array.insert(index, [map])
        edit(map)
      }
    }
  })
  return found
}

/** The Y.Map of an activity (its first copy), or undefined when it has none (a plain row, or no such id). */
export function activityMapOf(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  const array = planArray(doc)
  if (!array) return undefined
  for (const item of array) if (item instanceof Y.Map && rawActivityId(item) === id) return item as Y.Map<unknown>
  return undefined
}
