import { HeadingLevel, Paragraph, TextRun, type Table } from 'docx'
import { docxTable } from './docxTable.ts'
import { PLAN_EMPTY, PLAN_TITLE, type ExportPlan } from './exportPlan.ts'

/**
 * The plan in Word: the project period and a full-width table whose header row repeats on every
 * page. Under its section (the section's title heads it) or, where the export has no plan
 * section, as a section of its own with a heading.
 */
export function planToDocx(plan: ExportPlan, options: { ownHeading: boolean }): Array<Paragraph | Table> {
  const children: Array<Paragraph | Table> = []
  if (options.ownHeading) children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(PLAN_TITLE)] }))
  if (plan.period) children.push(new Paragraph({ children: [new TextRun(`Projektperiod: ${plan.period}`)] }))
  children.push(plan.rows.length === 0 ? new Paragraph({ children: [new TextRun(PLAN_EMPTY)] }) : docxTable(plan.headers, plan.rows))
  return children
}
