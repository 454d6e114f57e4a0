import type { ActivityOwner } from './Activity.ts'
import { isRecord } from './isRecord.ts'

/** A valid owner from stored or incoming data, without extra keys; null when unusable. */
export function normalizeOwner(value: unknown): ActivityOwner | null {
  // A bare name is what a hand edit or an old client most plausibly wrote.
  if (typeof value === 'string')
    return value.trim() ? { kind: 'external', name: value.trim() } : null
  if (!isRecord(value)) return null
  const name = typeof value.name === 'string' ? value.name.trim() : ''
  if (value.kind === 'member' && typeof value.userId === 'string' && value.userId) {
    return { kind: 'member', userId: value.userId, name }
  }
  if (value.kind === 'external' && name) return { kind: 'external', name }
  return null
}
