const FNV_OFFSET = 0xcbf29ce484222325n
const FNV_PRIME = 0x100000001b3n
const MASK = 0xffffffffffffffffn
const encoder = new TextEncoder()

/**
 * A short, deterministic fingerprint of a section's text (FNV-1a, 64 bit, over UTF-8), stored
 * with an analyst's sign-off so the checks can tell when the text changed afterwards.
 *
 * The text is NFC-normalised, trimmed and whitespace runs collapsed first, so re-wrapping
 * lines or a stray trailing space does not invalidate a sign-off; any change to words does.
 * Not a security measure: it detects edits, it does not resist forgery.
 *
 * @example
 * hashSectionText('Mål') === hashSectionText('  Mål\n') // true
 */
export function hashSectionText(text: string): string {
  const normal = text.normalize('NFC').trim().replace(/\s+/gu, ' ')
  let hash = FNV_OFFSET
  for (const byte of encoder.encode(normal)) {
    hash ^= BigInt(byte)
    hash = (hash * FNV_PRIME) & MASK
  }
  return hash.toString(16).padStart(16, '0')
}
