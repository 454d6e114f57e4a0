import * as Y from 'yjs'

/**
 * The keys stored as shared texts (Y.Text): people type into them in the table, and two typing
 * in one at once both keep their text. A row is made with them, so nobody's first focus has to
 * (two focuses at the same moment would each make one, and Yjs would keep one).
 */
export const SHARED_TEXT_KEYS: ReadonlySet<string> = new Set(['title', 'phase'])

/**
 * A new Y.Map for a plan row: one key per field. `extra` keeps keys this version does not
 * know (written by a newer client) when a row is copied by a move or a repair.
 */
export function activityMap(
  id: string,
  fields: Array<[string, unknown]>,
  extra: Record<string, unknown> = {},
): Y.Map<unknown> {
  const values = new Map<string, unknown>()
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && key !== 'id') values.set(key, value)
  }
  values.set('id', id)
  for (const [key, value] of fields) values.set(key, value)
  const map = new Y.Map<unknown>()
  for (const [key, value] of values)
    map.set(key, SHARED_TEXT_KEYS.has(key) && typeof value === 'string' ? new Y.Text(value) : value)
  return map
}
