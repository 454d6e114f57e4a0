/**
 * The leading varuint of a v1 update: how many per-client struct blocks it declares.
 *
 * `Y.decodeUpdate` flattens the blocks, but Yjs keeps only the last block when a client appears
 * twice and would park the rest, so the guard compares this count with the clients it decoded.
 * Returns undefined when the number is truncated or larger than a safe integer.
 */
export function readBlockCount(update: Uint8Array): number | undefined {
  let value = 0
  let multiplier = 1
  for (const byte of update) {
    value += (byte & 0x7f) * multiplier
    if (byte < 0x80) return value
    multiplier *= 128
    if (multiplier > Number.MAX_SAFE_INTEGER) return undefined
  }
  return undefined
}
