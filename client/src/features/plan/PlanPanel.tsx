import type * as Y from 'yjs'
import { validatePlan } from '@samskriv/plan'
import type { Role } from '@samskriv/schema'
import { AddActivityForm } from './AddActivityForm.tsx'
import { PlanExport } from './PlanExport.tsx'
import { PlanImport } from './PlanImport.tsx'
import { PlanIssues } from './PlanIssues.tsx'
import { PlanTable } from './PlanTable.tsx'
import { PlanTimeline } from './PlanTimeline.tsx'
import { usePlan } from './usePlan.ts'
import './plan.css'

/** The färdplan's live time and activity plan; coordinators and editors edit, others read. */
export function PlanPanel({ doc, role }: { doc: Y.Doc; role: Role | undefined }) {
  const activities = usePlan(doc)
  const editable = role === 'coordinator' || role === 'editor'
  return (
    <section className="section plan-panel" aria-labelledby="plan-panel-title">
      <h2 id="plan-panel-title">Tids- och aktivitetsplan</h2>
      {!editable && <p className="muted">Du kan läsa planen men inte ändra den.</p>}
      <PlanIssues issues={validatePlan(activities)} />
      <PlanTable doc={doc} activities={activities} editable={editable} />
      {editable && <AddActivityForm doc={doc} />}
      {editable && <PlanImport doc={doc} />}
      <PlanTimeline activities={activities} />
      <PlanExport activities={activities} />
    </section>
  )
}
