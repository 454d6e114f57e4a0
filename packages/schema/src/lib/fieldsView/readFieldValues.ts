import * as Y from 'yjs'
import { Root } from '../roots.ts'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A section's entry in the `fields` root as plain data, as the checks engine and the forms
 * read it: a Y.Map (tables as Y.Arrays of Y.Maps) or a plain object another tool stored; `{}`
 * when the section has none. An empty text is no value: a form makes a field's shared text when
 * someone focuses it, and that must not read as a change (in a version diff, a sign-off's hash).
 */
export function readFieldValues(doc: Y.Doc, sectionId: string): Record<string, unknown> {
  const entry = doc.getMap<unknown>(Root.fields).get(sectionId)
  const values = withoutEmptyTexts(entry instanceof Y.AbstractType ? entry.toJSON() : entry)
  return isRecord(values) ? values : {}
}

/** `value` with every object key whose value is '' left out, at any depth. */
export function withoutEmptyTexts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyTexts)
  if (!isRecord(value)) return value
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== '').map(([key, item]) => [key, withoutEmptyTexts(item)]))
}
