import type { Activity } from './Activity.ts'
import { coerceYearMonth } from './coerceYearMonth.ts'
import { isRecord } from './isRecord.ts'
import { normalizeOwner } from './normalizeOwner.ts'
import { normalizeRecurrence } from './normalizeRecurrence.ts'
import { parseActivityStatus } from './parseActivityStatus.ts'

// Lenient on purpose: stored data may come from older clients, hand edits or a bug, and a
// reader that throws would take the whole färdplan view down with one bad row.

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/**
 * Turns whatever is stored for one activity into a valid `Activity`, repairing what can be
 * repaired (a missing end becomes the start, an unknown status becomes "planerad") and
 * returning null when the row cannot be shown at all (no id, or no usable month).
 */
export function normalizeActivity(value: unknown): Activity | null {
  if (!isRecord(value)) return null
  const id = value.id
  if (typeof id !== 'string' || !id) return null
  const storedStart = coerceYearMonth(value.start)
  const storedEnd = coerceYearMonth(value.end)
  const start = storedStart ?? storedEnd
  const end = storedEnd ?? storedStart
  if (!start || !end) return null
  return {
    id,
    title: text(value.title),
    description: text(value.description),
    owner: normalizeOwner(value.owner),
    start,
    end,
    status: parseActivityStatus(value.status) ?? 'planerad',
    phase: text(value.phase),
    links: Array.isArray(value.links)
      ? value.links.filter((link): link is string => typeof link === 'string' && link !== '')
      : [],
    recurrence: normalizeRecurrence(value.recurrence),
  }
}
