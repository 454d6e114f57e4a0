import type * as Y from 'yjs'
import { formatYearMonth, ownerName, projectPeriodSource } from '@samskriv/plan'
import type { PlanMember } from '@samskriv/plan'
import type { SectionInfo } from '@samskriv/schema'
import { t } from '../../app/i18n.ts'
import { statusLabel } from '../plan/statusLabel.ts'
import { usePlan } from '../plan/usePlan.ts'
import { useProjectPeriod } from '../plan/useProjectPeriod.ts'

interface PrintPlanProps {
  doc: Y.Doc
  sections: readonly SectionInfo[]
  members: readonly PlanMember[]
}

/** The time and activity plan as a read-only table for paper, sorted by start month. */
export function PrintPlan({ doc, sections, members }: PrintPlanProps) {
  const activities = [...usePlan(doc)].sort((a, b) => a.start.localeCompare(b.start))
  const period = useProjectPeriod(doc, projectPeriodSource(sections))
  const known = members.length > 0 ? members : undefined
  return (
    <section className="print-section print-plan" aria-labelledby="print-plan-title">
      <h2 id="print-plan-title">{t('printPlanTitle')}</h2>
      {(period.start || period.end) && (
        <p>
          {t('printPlanPeriod', {
            start: period.start ? formatYearMonth(period.start) : '–',
            end: period.end ? formatYearMonth(period.end) : '–',
          })}
        </p>
      )}
      {activities.length === 0 ? (
        <p>{t('printPlanEmpty')}</p>
      ) : (
        <table className="print-plan__table">
          <thead>
            <tr>
              <th scope="col">{t('printPlanActivity')}</th>
              <th scope="col">{t('printPlanOwner')}</th>
              <th scope="col">{t('printPlanStart')}</th>
              <th scope="col">{t('printPlanEnd')}</th>
              <th scope="col">{t('printPlanStatus')}</th>
              <th scope="col">{t('printPlanPhase')}</th>
            </tr>
          </thead>
          <tbody>
            {activities.map((activity) => (
              <tr key={activity.id}>
                <th scope="row">{activity.title}</th>
                <td>{ownerName(activity.owner, known)}</td>
                <td>{formatYearMonth(activity.start)}</td>
                <td>{formatYearMonth(activity.end)}</td>
                <td>{statusLabel(activity.status)}</td>
                <td>{activity.phase}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
