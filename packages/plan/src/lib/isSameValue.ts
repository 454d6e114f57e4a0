/**
 * Deep equality for JSON-like values. Used to skip writes that would not change anything:
 * every Yjs `set` is a new item that wins over a concurrent edit, so a no-op write is not harmless.
 */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => isSameValue(item, b[i]))
  }
  const aRecord = a as Record<string, unknown>
  const bRecord = b as Record<string, unknown>
  const aKeys = Object.keys(aRecord).filter((key) => aRecord[key] !== undefined)
  const bKeys = Object.keys(bRecord).filter((key) => bRecord[key] !== undefined)
  return (
    aKeys.length === bKeys.length && aKeys.every((key) => isSameValue(aRecord[key], bRecord[key]))
  )
}
