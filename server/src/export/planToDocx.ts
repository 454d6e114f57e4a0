import { BorderStyle, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { PLAN_EMPTY, PLAN_TITLE, type ExportPlan } from './exportPlan.ts'

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' } as const
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER } as const

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    borders: BORDERS,
    ...(header ? { shading: { fill: 'E7ECF2' } } : {}),
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
  })
}

/**
 * The plan as a Word section: a heading, the project period, and a full-width table whose
 * header row repeats on every page.
 */
export function planToDocx(plan: ExportPlan): Array<Paragraph | Table> {
  const children: Array<Paragraph | Table> = [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(PLAN_TITLE)] })]
  if (plan.period) children.push(new Paragraph({ children: [new TextRun(`Projektperiod: ${plan.period}`)] }))
  if (plan.rows.length === 0) {
    children.push(new Paragraph({ children: [new TextRun(PLAN_EMPTY)] }))
    return children
  }
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: plan.headers.map((text) => cell(text, true)) }),
        ...plan.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text) => cell(text, false)) })),
      ],
    }),
  )
  return children
}
