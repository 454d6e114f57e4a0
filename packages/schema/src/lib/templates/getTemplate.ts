import type { TemplateDefinition } from './TemplateDefinition.ts'
import type { TemplateId } from './templateIds.ts'
import { templates } from './templates.ts'

/**
 * The current definition of a template. Narrow untrusted input with `isTemplateId` first;
 * an unknown id at runtime throws rather than returning a half-empty document.
 *
 * @example
 * getTemplate('esf-projektide').sections.find((s) => s.key === 'problem')?.charLimit // 4000
 */
export function getTemplate(id: TemplateId): TemplateDefinition {
  const template = templates[id]
  if (!template) throw new Error(`Okänd mall: ${String(id)}`)
  return template
}
