import { escapeMarkdown } from './escapeMarkdown.ts'
import { PLAN_EMPTY, PLAN_TITLE, type ExportPlan } from './exportPlan.ts'
import { markdownTable } from './markdownTable.ts'

/**
 * The plan as the project period and a GFM pipe table (header row, one row per activity): under
 * its section, or as a section of its own with a heading where the export has no plan section.
 */
export function planToMarkdown(plan: ExportPlan, options: { ownHeading: boolean }): string {
  const parts = options.ownHeading ? [`## ${PLAN_TITLE}`] : []
  if (plan.period) parts.push(`Projektperiod: ${escapeMarkdown(plan.period)}`)
  parts.push(plan.rows.length === 0 ? PLAN_EMPTY : markdownTable(plan.headers, plan.rows))
  return parts.join('\n\n')
}
