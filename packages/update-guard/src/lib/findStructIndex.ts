/** The shape shared by Yjs structs (Item, GC, Skip) that a clock lookup needs. */
export interface ClockRange {
  id: { clock: number }
  length: number
}

/**
 * Index of the struct covering `clock` in a clock-sorted, gap-free array, or -1.
 *
 * Yjs exports `findIndexSS`, but it throws on a miss; the guard must answer about any clock a
 * client names, so it searches itself.
 */
export function findStructIndex(structs: readonly ClockRange[], clock: number): number {
  let low = 0
  let high = structs.length - 1
  while (low <= high) {
    const mid = (low + high) >>> 1
    const struct = structs[mid]
    if (struct === undefined) return -1
    if (clock < struct.id.clock) high = mid - 1
    else if (clock >= struct.id.clock + struct.length) low = mid + 1
    else return mid
  }
  return -1
}
