import { Root } from '@samskriv/schema'
import * as Y from 'yjs'

/** A section's structured values (`fields` root) as JSON, to tell whether two states differ. */
export function sectionFieldsJson(doc: Y.Doc, sectionId: string): string {
  const value = doc.getMap<unknown>(Root.fields).get(sectionId)
  return JSON.stringify(value instanceof Y.AbstractType ? value.toJSON() : (value ?? null))
}
