import type * as Y from 'yjs'

// Same name as `Root.fields` in @samskriv/schema; repeated because this package does not
// depend on schema and the name is part of the stored format.
const FIELDS_ROOT = 'fields'

/** The `fields` root, or null when the name is bound to another shared type. */
export function fieldsMap(doc: Y.Doc): Y.Map<unknown> | null {
  try {
    return doc.getMap<unknown>(FIELDS_ROOT)
  } catch {
    return null
  }
}
