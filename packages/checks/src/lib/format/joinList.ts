/**
 * Joins items the Swedish way: "a", "a och b", "a, b och c".
 *
 * @example
 * joinList(['kön', 'ålder', 'religion']) // 'kön, ålder och religion'
 */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`
}
