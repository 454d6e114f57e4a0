import * as Y from 'yjs'
import type { ProjectPeriod, ProjectPeriodSource } from './ProjectPeriod.ts'
import { fieldsMap } from './fieldsMap.ts'
import { isRecord } from './isRecord.ts'
import { isYearMonth } from './isYearMonth.ts'

/**
 * Sets the start and/or end month of the project period (null clears it). Only keys whose value
 * changes are written, so two people setting start and end at once both keep theirs. Throws,
 * writing nothing, on a value that is not `'YYYY-MM'`.
 *
 * @example
 * setProjectPeriod(doc, source, { start: '2025-01', end: '2026-12' })
 */
export function setProjectPeriod(
  doc: Y.Doc,
  source: ProjectPeriodSource,
  patch: Partial<ProjectPeriod>,
): void {
  const changes: Array<[string, string | null]> = []
  if (patch.start !== undefined) changes.push([source.startKey, patch.start])
  if (patch.end !== undefined) changes.push([source.endKey, patch.end])
  for (const [key, value] of changes) {
    if (value !== null && !isYearMonth(value)) {
      throw new TypeError(`${key} must be YYYY-MM, got ${JSON.stringify(value)}`)
    }
  }
  const fields = fieldsMap(doc)
  if (!fields) throw new Error('the fields root holds another shared type')
  doc.transact(() => {
    let entry = fields.get(source.sectionId)
    if (!(entry instanceof Y.Map)) {
      // A missing entry (or a plain object from another tool) becomes a map, keeping its keys.
      const map = new Y.Map<unknown>()
      if (isRecord(entry)) for (const [key, value] of Object.entries(entry)) map.set(key, value)
      fields.set(source.sectionId, map)
      entry = map
    }
    const map = entry as Y.Map<unknown>
    for (const [key, value] of changes) {
      // A full date in the overview keeps its day when the month is unchanged.
      const current = map.get(key)
      if (value === null) {
        if (map.has(key)) map.delete(key)
      } else if (typeof current !== 'string' || current.slice(0, 7) !== value) {
        map.set(key, value)
      }
    }
  })
}
