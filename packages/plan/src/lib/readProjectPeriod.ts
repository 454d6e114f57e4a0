import * as Y from 'yjs'
import type { ProjectPeriod, ProjectPeriodSource } from './ProjectPeriod.ts'
import { coerceYearMonth } from './coerceYearMonth.ts'
import { fieldsMap } from './fieldsMap.ts'
import { isRecord } from './isRecord.ts'

/**
 * The project period as months. Lenient like every reader here: a full date
 * (`'2024-01-15'`, as the ESF+ overview may hold) counts as its month, anything unreadable as unknown.
 *
 * @example
 * const { start, end } = readProjectPeriod(doc, source)
 */
export function readProjectPeriod(doc: Y.Doc, source: ProjectPeriodSource): ProjectPeriod {
  const entry = fieldsMap(doc)?.get(source.sectionId)
  const values: unknown = entry instanceof Y.Map ? entry.toJSON() : entry
  if (!isRecord(values)) return { start: null, end: null }
  return { start: coerceYearMonth(values[source.startKey]), end: coerceYearMonth(values[source.endKey]) }
}
