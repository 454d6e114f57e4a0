/**
 * The rows to show while the user is in the table: the rows of `frozen` (ids in the order they
 * had when focus came in) that still exist, in that order, even if a filter or a new start month
 * would now place them elsewhere; then rows added since, in `sorted` order. So the row being
 * edited stays where it is, while everyone's values stay live.
 *
 * @example
 * stableOrder(['b', 'a'], all, sorted) // b, a, then any new row
 */
export function stableOrder<T extends { id: string }>(frozen: readonly string[], all: readonly T[], sorted: readonly T[]): T[] {
  const byId = new Map(all.map((item) => [item.id, item]))
  const kept = frozen.flatMap((id) => byId.get(id) ?? [])
  const seen = new Set(frozen)
  return [...kept, ...sorted.filter((item) => !seen.has(item.id))]
}
