import { canonicalJson, Root } from '@samskriv/schema'
import * as Y from 'yjs'

/**
 * A section's structured values (`fields` root) as JSON, to tell whether two states differ: keys
 * sorted, since a snapshot and the live document may have integrated a map's keys in another order.
 */
export function sectionFieldsJson(doc: Y.Doc, sectionId: string): string {
  const value = doc.getMap<unknown>(Root.fields).get(sectionId)
  return canonicalJson(value instanceof Y.AbstractType ? value.toJSON() : (value ?? null))
}
