import { fieldsView, readFieldValues } from '@samskriv/schema'
import type { FieldsSection, FieldsView } from '@samskriv/schema'
import type * as Y from 'yjs'
import { useFieldsVersion } from '../fields/useFieldsVersion.ts'

/** A section's structured values for paper (`fieldsView`, as the exports read them), live as others edit. */
export function usePrintFields(doc: Y.Doc, section: FieldsSection & { id: string }): FieldsView | null {
  useFieldsVersion(doc)
  return fieldsView(section, readFieldValues(doc, section.id))
}
