import type * as Y from 'yjs'
import { planArray } from './planArray.ts'

/** The plan root for writing; throws when the root name holds another shared type. */
export function writablePlanArray(doc: Y.Doc): Y.Array<unknown> {
  const array = planArray(doc)
  if (!array) throw new Error('The "plan" root of this document is not a Y.Array')
  return array
}
