import * as Y from 'yjs'
import { fieldsMap } from './fieldsMap.ts'
import { readPlan } from './readPlan.ts'

/**
 * A section's structured values as the checks engine reads them (`CheckSection.fields`): its
 * `fields` entry as JSON, plus, for a section of kind `plan`, the `plan` root's activities as
 * `{ title, start, end }`. Undefined for a section with neither (a plain text section). The entry
 * is read as the forms, print view and exports read it (`readFieldValues` in @samskriv/schema): a
 * Y.Map, or a plain object another client stored, so what is shown is what is judged and hashed;
 * an empty text counts as no value there too (a form makes a field's shared text on focus).
 *
 * The server builds the engine's document with it, and the client hashes the same values into an
 * analyst's sign-off (`sectionSignOffHash` in @samskriv/checks), so the two agree on what was judged.
 *
 * @example
 * const fields = readCheckedFields(doc, section.id, section.kind)
 */
export function readCheckedFields(
  doc: Y.Doc,
  sectionId: string,
  kind: string | undefined,
): Record<string, unknown> | undefined {
  const entry = fieldsMap(doc)?.get(sectionId)
  const value: unknown = withoutEmptyTexts(entry instanceof Y.AbstractType ? entry.toJSON() : entry)
  // An entry with no values (say, only texts made empty on focus) is no entry: a plain text
  // section's hash must not change because someone clicked into its form.
  const values =
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0
      ? (value as Record<string, unknown>)
      : undefined
  const activities =
    kind === 'plan'
      ? readPlan(doc).map(({ title, start, end }) => ({ title, start, end }))
      : undefined
  if (!values && !activities) return undefined
  return { ...values, ...(activities ? { activities } : {}) }
}

// The same as `withoutEmptyTexts` in @samskriv/schema, which this package may not depend on: the
// two must agree, or a sign-off's hash would differ from what the diff and the forms read.
function withoutEmptyTexts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyTexts)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== '').map(([key, item]) => [key, withoutEmptyTexts(item)]))
}
