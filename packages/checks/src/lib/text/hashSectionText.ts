import { fnv1a64 } from './fnv1a64.ts'
import { normalizeSectionText } from './normalizeSectionText.ts'

/**
 * A short, deterministic fingerprint of a section's text (FNV-1a, 64 bit, over UTF-8).
 * A sign-off records `sectionSignOffHash`, which is exactly this for a section without
 * structured values.
 *
 * The text is NFC-normalised, trimmed and whitespace runs collapsed first, so re-wrapping
 * lines or a stray trailing space does not invalidate a sign-off; any change to words does.
 * Not a security measure: it detects edits, it does not resist forgery.
 *
 * @example
 * hashSectionText('Mål') === hashSectionText('  Mål\n') // true
 */
export function hashSectionText(text: string): string {
  return fnv1a64(normalizeSectionText(text))
}
