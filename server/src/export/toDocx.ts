import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
  type Table,
} from 'docx'
import { sectionHeadingLevel } from '@samskriv/schema'
import { checksToDocx } from './checksToDocx.ts'
import { CHAR_APPENDIX_TITLE, charCountLine, planSectionId, wantsCharAppendix, type ExportDocument } from './exportDocument.ts'
import { fieldsToDocx } from './fieldsToDocx.ts'
import { planToDocx } from './planToDocx.ts'
import { isSafeHref, type Block, type Run } from './sectionToBlocks.ts'

const ORDERED = 'samskriv-ordered'
const CODE_FONT = 'Courier New'

const SECTION_HEADING_LEVELS = { 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4, 5: HeadingLevel.HEADING_5, 6: HeadingLevel.HEADING_6 } as const

/** Word's language tags: the document is Swedish, a section marked English (WCAG 3.1.2) is English. */
const WORD_LANGUAGE = { sv: 'sv-SE', en: 'en-GB' } as const

function textRun(run: Run, style?: string, lang?: 'en'): TextRun {
  if (run.lineBreak) return new TextRun({ break: 1 })
  return new TextRun({
    text: run.text,
    bold: run.bold,
    italics: run.italic,
    strike: run.strike,
    ...(run.code ? { font: CODE_FONT } : {}),
    ...(style ? { style } : {}),
    ...(lang ? { language: { value: WORD_LANGUAGE[lang] } } : {}),
  })
}

function runsToChildren(runs: Run[], lang?: 'en'): ParagraphChild[] {
  return runs.map((run) =>
    isSafeHref(run.link) && !run.lineBreak
      ? new ExternalHyperlink({ link: run.link, children: [textRun(run, 'Hyperlink', lang)] })
      : textRun(run, undefined, lang),
  )
}

function blockToParagraph(block: Block, lang?: 'en'): Paragraph {
  const indent = block.quote > 0 ? { indent: { left: 720 * block.quote } } : {}
  const list = block.list
  const listOptions = !list
    ? {}
    : !list.first
      ? { indent: { left: 720 * (list.depth + 1) } }
      : list.ordered
        ? { numbering: { reference: ORDERED, level: Math.min(list.depth, 8), instance: list.listId } }
        : { bullet: { level: Math.min(list.depth, 8) } }
  if (block.kind === 'code') {
    const lines = block.runs.map((run) => run.text).join('').split('\n')
    return new Paragraph({
      ...indent,
      ...listOptions,
      children: lines.map((line, i) => new TextRun({ text: line, font: CODE_FONT, ...(i > 0 ? { break: 1 } : {}), ...(lang ? { language: { value: WORD_LANGUAGE[lang] } } : {}) })),
    })
  }
  if (block.kind === 'heading') {
    const level = SECTION_HEADING_LEVELS[sectionHeadingLevel(block.level)]
    return new Paragraph({ heading: level, ...indent, children: runsToChildren(block.runs, lang) })
  }
  return new Paragraph({ ...indent, ...listOptions, children: runsToChildren(block.runs, lang) })
}

/**
 * The document as a Word file: title as Heading 1, section titles as Heading 2 (headings inside
 * sections below), each section's structured values as tables or lists beside its text (where the
 * document page shows the form) and the plan table in its section (at the end when the export has
 * no plan section), then the checks report when included.
 */
export async function toDocx(document: ExportDocument): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(document.title)] })]
  const planSection = planSectionId(document)
  for (const section of document.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.title)] }))
    if (section.fields?.placement === 'before') children.push(...fieldsToDocx(section.fields))
    for (const block of section.blocks) children.push(blockToParagraph(block, section.lang))
    if (section.fields?.placement === 'after') children.push(...fieldsToDocx(section.fields))
    if (document.plan && section.id === planSection) children.push(...planToDocx(document.plan, { ownHeading: false }))
  }
  if (document.plan && planSection === undefined) children.push(...planToDocx(document.plan, { ownHeading: true }))
  if (document.checks) children.push(...checksToDocx(document.checks, document.title))
  if (wantsCharAppendix(document) && document.sections.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new TextRun(CHAR_APPENDIX_TITLE)] }))
    for (const section of document.sections) {
      children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(charCountLine(section))] }))
    }
  }
  const doc = new Document({
    title: document.title,
    creator: 'Samskriv',
    styles: { default: { document: { run: { language: { value: WORD_LANGUAGE.sv } } } } },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children }],
  })
  return Packer.toBuffer(doc)
}
