import * as Y from 'yjs'

/**
 * A new Y.Map for a plan row: one key per field. `extra` keeps keys this version does not
 * know (written by a newer client) when a row is copied by a move or a repair.
 */
export function activityMap(
  id: string,
  fields: Array<[string, unknown]>,
  extra: Record<string, unknown> = {},
): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && key !== 'id') map.set(key, value)
  }
  map.set('id', id)
  for (const [key, value] of fields) map.set(key, value)
  return map
}
