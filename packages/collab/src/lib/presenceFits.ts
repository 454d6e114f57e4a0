/**
 * Deepest nesting accepted in a presence state. The app's own states nest four levels (a caret's
 * relative position inside `cursor`); a deep one (60 KB of `{"a":` parses) would overflow the stack
 * of `JSON.stringify` here and in every client that re-encodes presence it receives.
 */
export const MAX_PRESENCE_DEPTH = 32

/**
 * Whether a parsed presence state is at most `maxChars` long as JSON and nests at most `maxDepth`
 * levels. Walks without recursion and stops after `maxChars` values (each takes at least one
 * character), so no state can exhaust the stack or take long; only a state that passes is encoded
 * to measure its length.
 */
export function presenceFits(state: Record<string, unknown>, maxChars: number, maxDepth = MAX_PRESENCE_DEPTH): boolean {
  const pending: unknown[] = [state]
  const depths: number[] = [1]
  let values = 0
  while (pending.length > 0) {
    const value = pending.pop()
    const depth = depths.pop() as number
    if (++values > maxChars) return false
    if (value === null || typeof value !== 'object') continue
    if (depth > maxDepth) return false
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      pending.push(child)
      depths.push(depth + 1)
    }
  }
  try {
    return JSON.stringify(state).length <= maxChars
  } catch {
    // Not reachable for parsed JSON within the depth; refused rather than thrown if it ever is.
    return false
  }
}
