import type * as Y from 'yjs'
import type { ActivityInput } from './Activity.ts'
import { activityMap } from './activityMap.ts'
import { planEntries } from './planEntries.ts'
import { rawActivityId } from './rawActivityId.ts'
import { storedFields } from './storedFields.ts'
import { writablePlanArray } from './writablePlanArray.ts'

/** Options of `addActivities` and `addActivity`. */
export interface AddActivityOptions {
  /** Position among the visible activities to insert at; the end when omitted. */
  index?: number
}

const DEFAULTS = {
  title: '',
  description: '',
  owner: null,
  status: 'planerad',
  phase: '',
  links: [],
  recurrence: null,
} as const

/**
 * Adds activities in one transaction (so an import is one undo step and one update on the
 * wire) and returns their ids; a missing id is generated. Throws, writing nothing, when an
 * activity has no valid start/end, an invalid field, or an id that is already in the plan.
 *
 * @example
 * const { activities } = parsePlanText(pasted, { projectStart: '2023-10' })
 * addActivities(doc, activities)
 */
export function addActivities(
  doc: Y.Doc,
  inputs: readonly ActivityInput[],
  options: AddActivityOptions = {},
): string[] {
  const array = writablePlanArray(doc)
  const taken = new Set(array.toArray().map(rawActivityId))
  // Validate everything before the first write, so a bad row cannot leave half an import.
  const rows = inputs.map((input) => {
    if (input.start === undefined || input.end === undefined)
      throw new TypeError('start and end are required')
    const id = input.id ?? crypto.randomUUID()
    if (typeof id !== 'string' || id === '') throw new TypeError('id must be a non-empty string')
    if (taken.has(id)) throw new Error(`An activity with id ${id} already exists`)
    taken.add(id)
    return { id, fields: storedFields({ ...DEFAULTS, ...input }) }
  })
  doc.transact(() => {
    const entries = planEntries(array)
    const at = options.index ?? entries.length
    const rawIndex =
      at >= entries.length ? array.length : (entries[Math.max(0, at)]?.rawIndex ?? array.length)
    array.insert(
      rawIndex,
      rows.map((row) => activityMap(row.id, row.fields)),
    )
  })
  return rows.map((row) => row.id)
}
