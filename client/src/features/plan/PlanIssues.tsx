import type { PlanIssue } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'
import { planIssueMessage } from './planIssueMessage.ts'

/** What validatePlan found, as a list of messages in the UI's language. */
export function PlanIssues({ issues }: { issues: readonly PlanIssue[] }) {
  if (issues.length === 0) return null
  return (
    <div className="notice plan-issues" role="status">
      <h3 id="plan-issues-title">{t('planIssuesTitle')}</h3>
      <ul aria-labelledby="plan-issues-title">
        {issues.map((issue) => (
          <li key={`${issue.activityId}-${issue.code}-${issue.field}`}>{planIssueMessage(issue)}</li>
        ))}
      </ul>
    </div>
  )
}
