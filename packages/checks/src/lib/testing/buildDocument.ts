import { getTemplate, type TemplateId } from '@samskriv/schema'
import type { CheckDocument, SignOff } from '../CheckDocument.ts'

export type SectionInput = string | { text?: string; fields?: Record<string, unknown> }

/**
 * A CheckDocument with every section of the template, empty unless given. Section ids are
 * `s-<key>` so tests can assert them. Test helper only; not exported from the package.
 */
export function buildDocument(
  templateId: TemplateId,
  inputs: Record<string, SectionInput> = {},
  signOffs: Record<string, SignOff> = {},
): CheckDocument {
  const template = getTemplate(templateId)
  return {
    templateId,
    templateVersion: template.version,
    signOffs,
    sections: template.sections.map((section) => {
      const input = inputs[section.key]
      const text = typeof input === 'string' ? input : (input?.text ?? '')
      const fields = typeof input === 'object' ? input.fields : undefined
      return {
        id: `s-${section.key}`,
        key: section.key,
        title: section.title,
        text,
        charLimit: section.charLimit,
        required: section.required,
        ...(section.kind ? { kind: section.kind } : {}),
        ...(fields ? { fields } : {}),
      }
    }),
  }
}
