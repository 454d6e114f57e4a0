export type LimitState = 'ok' | 'near' | 'over'

/** Where a count stands against a limit: "near" from 90 %, "over" past the limit. */
export function limitState(count: number, limit: number | null): LimitState {
  if (limit === null || limit <= 0) return 'ok'
  if (count > limit) return 'over'
  return count >= limit * 0.9 ? 'near' : 'ok'
}
