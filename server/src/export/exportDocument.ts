import { countChars, fieldsView, readFieldValues, readSections, sectionLanguage, sectionPlainText, sectionRoot, type FieldsView } from '@samskriv/schema'
import type * as Y from 'yjs'
import type { CheckReport } from '@samskriv/checks'
import type { ExportPlan } from './exportPlan.ts'
import { sectionToBlocks, type Block } from './sectionToBlocks.ts'

export interface ExportSection {
  id: string
  title: string
  /** The template's kind: a `plan` section holds the plan table. */
  kind: string
  /** Set when the section is not written in Swedish (the ESF+ summary in English). */
  lang?: 'en'
  charLimit: number | null
  /** Characters as the template counts them (`countChars`). */
  chars: number
  blocks: Block[]
  /** Its structured values (`fields` root) as tables and lists, or null when it has none filled in. */
  fields: FieldsView | null
}

/** What the writers need: plain data, no Yjs. */
export interface ExportDocument {
  title: string
  template: string
  sections: ExportSection[]
  /** The plan table: under the plan section when the export holds one, otherwise at the end. */
  plan?: ExportPlan
  /** The checks report, when asked for (`include=checks`). */
  checks?: CheckReport
}

/** Reads a document (or one section of it) out of its Y.Doc; undefined when `sectionId` names no section. */
export function readExportDocument(
  doc: Y.Doc,
  meta: { title: string; template: string },
  sectionId?: string,
): ExportDocument | undefined {
  const sections = readSections(doc).filter((section) => sectionId === undefined || section.id === sectionId)
  if (sectionId !== undefined && sections.length === 0) return undefined
  return {
    title: meta.title,
    template: meta.template,
    sections: sections.map((section) => ({
      id: section.id,
      title: section.title,
      kind: section.kind,
      lang: sectionLanguage(meta.template, section.key),
      charLimit: section.charLimit,
      chars: countChars(sectionPlainText(doc, section.id)),
      blocks: sectionToBlocks(doc.getXmlFragment(sectionRoot(section.id))),
      fields: fieldsView(section, readFieldValues(doc, section.id)),
    })),
  }
}

/**
 * The section the plan table belongs under: the export's plan section. Undefined when the
 * export holds none (a document without one, or another section alone), so the plan goes last.
 */
export function planSectionId(document: ExportDocument): string | undefined {
  return document.sections.find((section) => section.kind === 'plan')?.id
}

/** ESF+ documents get an appendix with the character count of each section. */
export function wantsCharAppendix(document: ExportDocument): boolean {
  return document.template === 'esf-projektide'
}

export const CHAR_APPENDIX_TITLE = 'Bilaga: antal tecken per avsnitt'

export function charCountLine(section: ExportSection): string {
  const count = section.chars.toLocaleString('sv-SE')
  if (section.charLimit === null) return `${section.title}: ${count} tecken`
  const over = section.chars > section.charLimit ? ' (över gränsen)' : ''
  return `${section.title}: ${count} av ${section.charLimit.toLocaleString('sv-SE')} tecken${over}`
}
