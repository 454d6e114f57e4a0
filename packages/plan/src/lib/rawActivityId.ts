import * as Y from 'yjs'
import { isRecord } from './isRecord.ts'

/** The id stored in a plan row, whether or not the rest of the row is readable. */
export function rawActivityId(item: unknown): unknown {
  if (item instanceof Y.Map) return (item as Y.Map<unknown>).get('id')
  return isRecord(item) ? item.id : undefined
}
