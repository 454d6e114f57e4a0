const FNV_OFFSET = 0xcbf29ce484222325n
const FNV_PRIME = 0x100000001b3n
const MASK = 0xffffffffffffffffn
const encoder = new TextEncoder()

/** FNV-1a, 64 bit, over the UTF-8 bytes of `value`, as 16 hex digits. Detects edits; not a security measure. */
export function fnv1a64(value: string): string {
  let hash = FNV_OFFSET
  for (const byte of encoder.encode(value)) {
    hash ^= BigInt(byte)
    hash = (hash * FNV_PRIME) & MASK
  }
  return hash.toString(16).padStart(16, '0')
}
