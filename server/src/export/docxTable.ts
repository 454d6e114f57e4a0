import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' } as const
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER } as const

export interface DocxTableOptions {
  /** Per column: numbers are aligned right. */
  numeric?: readonly boolean[]
  /** Sum rows under the body, in bold. */
  totals?: readonly (readonly string[])[]
}

function cell(text: string, options: { bold: boolean; shaded: boolean; right: boolean }): TableCell {
  return new TableCell({
    borders: BORDERS,
    ...(options.shaded ? { shading: { fill: 'E7ECF2' } } : {}),
    children: [
      new Paragraph({
        ...(options.right ? { alignment: AlignmentType.END } : {}),
        children: [new TextRun({ text, bold: options.bold })],
      }),
    ],
  })
}

/**
 * A full-width Word table of text: a header row that repeats on every page, rows that are not
 * split across pages, and bold sum rows at the end.
 */
export function docxTable(headers: readonly string[], rows: readonly (readonly string[])[], options: DocxTableOptions = {}): Table {
  const right = (column: number) => options.numeric?.[column] === true
  const row = (cells: readonly string[], bold: boolean) =>
    new TableRow({ cantSplit: true, children: cells.map((text, column) => cell(text, { bold, shaded: false, right: right(column) })) })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((text, column) => cell(text, { bold: true, shaded: true, right: right(column) })) }),
      ...rows.map((cells) => row(cells, false)),
      ...(options.totals ?? []).map((cells) => row(cells, true)),
    ],
  })
}
