import * as Y from 'yjs'
import { Root } from '../roots.ts'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A section's entry in the `fields` root as plain data, as the checks engine and the forms
 * read it: a Y.Map (tables as Y.Arrays of Y.Maps) or a plain object another tool stored; `{}`
 * when the section has none.
 */
export function readFieldValues(doc: Y.Doc, sectionId: string): Record<string, unknown> {
  const entry = doc.getMap<unknown>(Root.fields).get(sectionId)
  const values = entry instanceof Y.AbstractType ? entry.toJSON() : entry
  return isRecord(values) ? values : {}
}
