import type { PlanIssue } from '@samskriv/plan'

/** What validatePlan found, as a list of Swedish messages. */
export function PlanIssues({ issues }: { issues: readonly PlanIssue[] }) {
  if (issues.length === 0) return null
  return (
    <div className="notice plan-issues" role="status">
      <h3 id="plan-issues-title">Att åtgärda i planen</h3>
      <ul aria-labelledby="plan-issues-title">
        {issues.map((issue) => (
          <li key={`${issue.activityId}-${issue.code}-${issue.field}`}>{issue.message}</li>
        ))}
      </ul>
    </div>
  )
}
