import type * as Y from 'yjs'
import { activityMap } from './activityMap.ts'
import { isRecord } from './isRecord.ts'
import { planArray } from './planArray.ts'
import { planEntries } from './planEntries.ts'
import { rawActivityId } from './rawActivityId.ts'
import { storedFields } from './storedFields.ts'

/**
 * Moves an activity to `toIndex` among the visible activities (clamped to the list).
 * Returns false when no activity has that id.
 *
 * Yjs arrays cannot move an item, so this deletes the row and inserts a copy. Two things
 * follow: an edit another user makes to the old row while the move is in flight is lost, and
 * two users moving the same row at once leave two copies with one id, which readers show
 * once (first copy wins) and the next move or removal cleans up.
 *
 * @example
 * moveActivity(doc, id, 0) // to the top
 */
export function moveActivity(doc: Y.Doc, id: string, toIndex: number): boolean {
  const array = planArray(doc)
  if (!array) return false
  let moved = false
  doc.transact(() => {
    const entries = planEntries(array)
    const from = entries.findIndex((entry) => entry.activity.id === id)
    const entry = entries[from]
    if (!entry) return
    moved = true
    const target = Math.min(Math.max(0, Math.trunc(toIndex)), entries.length - 1)
    // Nothing to do, unless stray copies need cleaning up.
    const copies = array.toArray().filter((item) => rawActivityId(item) === id).length
    if (target === from && copies === 1) return
    const stored: unknown = entry.map ? entry.map.toJSON() : array.get(entry.rawIndex)
    const raw = isRecord(stored) ? stored : {}
    for (let index = array.length - 1; index >= 0; index--) {
      if (rawActivityId(array.get(index)) === id) array.delete(index, 1)
    }
    const rest = planEntries(array)
    const rawIndex = rest[target]?.rawIndex ?? array.length
    const { id: _id, ...fields } = entry.activity
    array.insert(rawIndex, [activityMap(id, storedFields(fields), raw)])
  })
  return moved
}
