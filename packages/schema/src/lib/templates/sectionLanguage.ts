import { getTemplate } from './getTemplate.ts'
import { isTemplateId } from './templateIds.ts'

/**
 * The language of a section that is not written in Swedish (the ESF+ summary in English), from
 * its template: WCAG 3.1.2 wants it marked (`lang`) in the editor, the print view and exports.
 * Undefined for Swedish sections, sections a user added, and unknown templates.
 */
export function sectionLanguage(templateId: string, sectionKey: string): 'en' | undefined {
  if (!isTemplateId(templateId)) return undefined
  return getTemplate(templateId).sections.find((section) => section.key === sectionKey)?.lang
}
