import type * as Y from 'yjs'
import { planArray } from './planArray.ts'
import { rawActivityId } from './rawActivityId.ts'

/**
 * Removes an activity (every stored copy of its id). Returns false when there was none.
 *
 * @example
 * removeActivity(doc, id)
 */
export function removeActivity(doc: Y.Doc, id: string): boolean {
  const array = planArray(doc)
  if (!array) return false
  let found = false
  doc.transact(() => {
    for (let index = array.length - 1; index >= 0; index--) {
      if (rawActivityId(array.get(index)) !== id) continue
      array.delete(index, 1)
      found = true
    }
  })
  return found
}
