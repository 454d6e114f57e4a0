import * as Y from 'yjs'
import { fieldsMap } from './fieldsMap.ts'
import { readPlan } from './readPlan.ts'

/**
 * A section's structured values as the checks engine reads them (`CheckSection.fields`): its
 * `fields` entry as JSON, plus, for a section of kind `plan`, the `plan` root's activities as
 * `{ title, start, end }`. Undefined for a section with neither (a plain text section).
 *
 * The one reader of these values: the server builds the engine's document with it, and the
 * client hashes the same values into an analyst's sign-off (`sectionSignOffHash` in
 * @samskriv/checks), so the two agree on what was judged.
 *
 * @example
 * const fields = readCheckedFields(doc, section.id, section.kind)
 */
export function readCheckedFields(
  doc: Y.Doc,
  sectionId: string,
  kind: string | undefined,
): Record<string, unknown> | undefined {
  const value = fieldsMap(doc)?.get(sectionId)
  const activities =
    kind === 'plan'
      ? readPlan(doc).map(({ title, start, end }) => ({ title, start, end }))
      : undefined
  if (!(value instanceof Y.Map) && !activities) return undefined
  return {
    ...(value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : {}),
    ...(activities ? { activities } : {}),
  }
}
