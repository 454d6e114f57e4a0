import { escapeMarkdown } from './escapeMarkdown.ts'
import { PLAN_EMPTY, PLAN_TITLE, type ExportPlan } from './exportPlan.ts'

/** A GFM pipe-table cell: one line, with `|` and other syntax escaped. */
function cell(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim())
}

/** The plan as a section with a GFM pipe table (header row, one row per activity). */
export function planToMarkdown(plan: ExportPlan): string {
  const parts = [`## ${PLAN_TITLE}`]
  if (plan.period) parts.push(`Projektperiod: ${escapeMarkdown(plan.period)}`)
  if (plan.rows.length === 0) {
    parts.push(PLAN_EMPTY)
    return parts.join('\n\n')
  }
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`
  parts.push([line(plan.headers), `|${plan.headers.map(() => ' --- |').join('')}`, ...plan.rows.map(line)].join('\n'))
  return parts.join('\n\n')
}
