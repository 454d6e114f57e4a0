import type * as Y from 'yjs'
import { PLAN_TABLE_EMPTY, PLAN_TABLE_TITLE, planTable, projectPeriodSource } from '@samskriv/plan'
import type { PlanMember } from '@samskriv/plan'
import type { SectionInfo } from '@samskriv/schema'
import { usePlan } from '../plan/usePlan.ts'
import { useProjectPeriod } from '../plan/useProjectPeriod.ts'
import { PrintTableScroll } from './PrintTableScroll.tsx'

interface PrintPlanProps {
  doc: Y.Doc
  sections: readonly SectionInfo[]
  members: readonly PlanMember[]
}

/**
 * The time and activity plan as a read-only table for paper, under its section: the same table
 * as the exports (`planTable`), in Swedish as the document is, live as others edit.
 */
export function PrintPlan({ doc, sections, members }: PrintPlanProps) {
  const activities = usePlan(doc)
  const period = useProjectPeriod(doc, projectPeriodSource(sections))
  // Until the member list has loaded, owners keep their stored names rather than all reading as leavers.
  const table = planTable(activities, {
    members: members.length > 0 ? members : undefined,
    sections,
    period,
  })
  return (
    <div className="print-plan" lang="sv">
      {table.period && <p>Projektperiod: {table.period}</p>}
      {table.rows.length === 0 ? (
        <p>{PLAN_TABLE_EMPTY}</p>
      ) : (
        <PrintTableScroll label={PLAN_TABLE_TITLE}>
          <table className="print-table">
            {/* The section's heading names the plan on paper; the caption names the table for screen readers. */}
            <caption className="visually-hidden">{PLAN_TABLE_TITLE}</caption>
            <thead>
              <tr>
                {table.headers.map((header) => (
                  <th key={header} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map(([title, ...cells], index) => (
                <tr key={index}>
                  <th scope="row">{title}</th>
                  {cells.map((cell, column) => (
                    <td key={column}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </PrintTableScroll>
      )}
    </div>
  )
}
