import type { FieldsView } from '@samskriv/schema'
import { Paragraph, TextRun, type Table } from 'docx'
import { docxTable } from './docxTable.ts'

/** A section's structured values in Word: each table or list under its title in bold. */
export function fieldsToDocx(view: FieldsView): Array<Paragraph | Table> {
  const children: Array<Paragraph | Table> = []
  for (const block of view.blocks) {
    children.push(new Paragraph({ keepNext: true, spacing: { before: 160 }, children: [new TextRun({ text: block.title, bold: true })] }))
    if (block.kind === 'table') {
      children.push(docxTable(block.headers, block.rows, { numeric: block.numeric, totals: block.totals }))
      continue
    }
    for (const fact of block.facts) {
      children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: `${fact.label}: `, bold: true }), new TextRun(fact.value)] }))
    }
  }
  return children
}
