import type * as Y from 'yjs'
import type { ActivityInput } from './Activity.ts'
import type { AddActivityOptions } from './addActivities.ts'
import { addActivities } from './addActivities.ts'

/**
 * Adds one activity to the plan (at the end, or at `options.index`) and returns its id,
 * generated when the input has none. Throws on invalid fields or a duplicate id.
 *
 * @example
 * const id = addActivity(doc, { title: 'Enkät', description: '', owner: null, start: '2023-10',
 *   end: '2023-11', status: 'planerad', phase: 'Analys', links: [], recurrence: null })
 */
export function addActivity(
  doc: Y.Doc,
  activity: ActivityInput,
  options: AddActivityOptions = {},
): string {
  const [id] = addActivities(doc, [activity], options)
  if (id === undefined) throw new Error('unreachable: one activity in, one id out')
  return id
}
