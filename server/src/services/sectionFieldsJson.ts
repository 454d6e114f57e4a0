import { canonicalJson, readFieldValues } from '@samskriv/schema'
import type * as Y from 'yjs'

/**
 * A section's structured values as the forms and exports read them (`readFieldValues`), as JSON
 * with sorted keys, to tell whether two states differ: a snapshot and the live document may have
 * integrated a map's keys in another order.
 */
export function sectionFieldsJson(doc: Y.Doc, sectionId: string): string {
  return canonicalJson(readFieldValues(doc, sectionId))
}
