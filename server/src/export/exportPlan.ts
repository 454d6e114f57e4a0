import { planTable, projectPeriodSource, readPlan, readProjectPeriod, type PlanMember, type PlanTable } from '@samskriv/plan'
import { readSections } from '@samskriv/schema'
import type * as Y from 'yjs'

/** The färdplan's activities as a table of plain text, for the writers. */
export type ExportPlan = PlanTable

export { PLAN_TABLE_EMPTY as PLAN_EMPTY, PLAN_TABLE_TITLE as PLAN_TITLE } from '@samskriv/plan'

/**
 * The plan as the print view shows it (`planTable`, shared with it): sorted by start month,
 * owners under their current names, months in Swedish, linked sections by their titles.
 */
export function readExportPlan(doc: Y.Doc, members: readonly PlanMember[]): ExportPlan {
  const sections = readSections(doc)
  const source = projectPeriodSource(sections)
  const period = source ? readProjectPeriod(doc, source) : { start: null, end: null }
  return planTable(readPlan(doc), { members, sections, period })
}
