import type { PlanIssue } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'

/** What validatePlan found, as a list of its messages (Swedish: the plan package writes them). */
export function PlanIssues({ issues }: { issues: readonly PlanIssue[] }) {
  if (issues.length === 0) return null
  return (
    <div className="notice plan-issues" role="status">
      <h3 id="plan-issues-title">{t('planIssuesTitle')}</h3>
      <ul aria-labelledby="plan-issues-title">
        {issues.map((issue) => (
          <li key={`${issue.activityId}-${issue.code}-${issue.field}`}>{issue.message}</li>
        ))}
      </ul>
    </div>
  )
}
