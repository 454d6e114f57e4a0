import { canonicalJson } from '@samskriv/schema'
import { fnv1a64 } from './fnv1a64.ts'
import { hashSectionText } from './hashSectionText.ts'
import { normalizeSectionText } from './normalizeSectionText.ts'

/**
 * The fingerprint an analyst's sign-off records for its section: what the analyst judged, so
 * any later change to it makes the sign-off stale. `text` and `fields` are the section as the
 * checks engine reads it (`CheckSection`): its plain text and its structured values (the
 * `fields` entry, plus `activities` for a plan section), as the shared Yjs reader
 * `readCheckedFields` in @samskriv/plan returns them. The client (writing the sign-off) and the
 * server (reading the report) must both call this with those values.
 *
 * A section without structured values (`fields` undefined) keeps `hashSectionText(text)`, so
 * sign-offs of text sections made before values were covered stay valid. With values, the text
 * (normalised as there) and the values as canonical JSON (keys sorted at every level: a Y.Map's
 * key order differs between peers) are hashed together.
 *
 * @example
 * sectionSignOffHash('Mål', undefined) === hashSectionText('Mål') // true
 * sectionSignOffHash('Mål', { rows: [{ b: 1, a: 2 }] }) === sectionSignOffHash('Mål', { rows: [{ a: 2, b: 1 }] }) // true
 */
export function sectionSignOffHash(
  text: string,
  fields: Readonly<Record<string, unknown>> | undefined,
): string {
  if (fields === undefined) return hashSectionText(text)
  return fnv1a64(`${normalizeSectionText(text)}\u0000${canonicalJson(fields)}`)
}
