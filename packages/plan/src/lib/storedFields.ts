import type { ActivityPatch } from './Activity.ts'
import { isYearMonth } from './isYearMonth.ts'
import { normalizeOwner } from './normalizeOwner.ts'
import { normalizeRecurrence } from './normalizeRecurrence.ts'
import { parseActivityStatus } from './parseActivityStatus.ts'

const TEXT_FIELDS = new Set(['title', 'description', 'phase'])

/** The stored keys besides `id`, each its own Y.Map key so concurrent edits of different fields merge. */
const FIELD_KEYS = [
  'title',
  'description',
  'owner',
  'start',
  'end',
  'status',
  'phase',
  'links',
  'recurrence',
] as const

/**
 * The canonical stored value of each field present in `patch`, in a stable key order; other
 * keys (a DraftActivity's `sourceLines`) are not part of the stored format and are left out.
 * Writers are strict where readers are lenient: a value that would be unreadable throws a
 * TypeError here, so bad data is stopped at the caller instead of reaching every other client.
 */
export function storedFields(patch: ActivityPatch): Array<[string, unknown]> {
  const fields: Array<[string, unknown]> = []
  for (const key of FIELD_KEYS) {
    const value: unknown = patch[key]
    if (value === undefined) continue
    fields.push([key, storedValue(key, value)])
  }
  return fields
}

function storedValue(key: string, value: unknown): unknown {
  if (TEXT_FIELDS.has(key)) {
    if (typeof value !== 'string') throw new TypeError(`${key} must be a string`)
    return value
  }
  switch (key) {
    case 'start':
    case 'end':
      if (!isYearMonth(value))
        throw new TypeError(`${key} must be YYYY-MM, got ${JSON.stringify(value)}`)
      return value
    case 'status': {
      const status = parseActivityStatus(value)
      if (!status) throw new TypeError(`unknown status ${JSON.stringify(value)}`)
      return status
    }
    case 'owner': {
      if (value === null) return null
      const owner = normalizeOwner(value)
      if (!owner) throw new TypeError('owner must be a member {userId, name} or an external {name}')
      return owner
    }
    case 'links':
      if (!Array.isArray(value) || value.some((link) => typeof link !== 'string')) {
        throw new TypeError('links must be an array of strings')
      }
      return [...(value as string[])]
    case 'recurrence': {
      if (value === null) return null
      const recurrence = normalizeRecurrence(value)
      if (!recurrence)
        throw new TypeError("recurrence must be { every: 'month' | 'quarter', until? }")
      return recurrence
    }
    default:
      throw new TypeError(`unknown field ${key}`)
  }
}
