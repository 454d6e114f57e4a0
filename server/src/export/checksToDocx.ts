import type { CheckReport } from '@samskriv/checks'
import { HeadingLevel, Paragraph, TextRun } from 'docx'
import { CHECKS_TITLE, countsText, itemHeadline, verdictText } from './checkReportText.ts'

/** The checks report as a Word section on a new page: verdict, counts, one list per principle. */
export function checksToDocx(report: CheckReport, title: string): Paragraph[] {
  const children = [
    new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new TextRun(`${CHECKS_TITLE}: ${title}`)] }),
    new Paragraph({ children: [new TextRun({ text: verdictText(report), bold: true })] }),
    new Paragraph({ children: [new TextRun(countsText(report))] }),
  ]
  for (const group of report.groups) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(group.title)] }))
    for (const item of group.items) {
      const { name, status } = itemHeadline(item)
      children.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun({ text: name, bold: true }), new TextRun(` – ${status}`), new TextRun({ break: 1 }), new TextRun(item.message)],
        }),
      )
    }
  }
  return children
}
