import { useState } from 'react'
import type * as Y from 'yjs'
import { ACTIVITY_STATUSES, ACTIVITY_STATUS_LABELS } from '@samskriv/plan'
import type { Activity } from '@samskriv/plan'
import { PlanRow } from './PlanRow.tsx'

const ALL = ''

interface PlanTableProps {
  doc: Y.Doc
  activities: readonly Activity[]
  editable: boolean
}

/** The activities as a table sorted by start, filterable by status and phase. */
export function PlanTable({ doc, activities, editable }: PlanTableProps) {
  const [status, setStatus] = useState(ALL)
  const [phase, setPhase] = useState(ALL)
  const phases = [...new Set(activities.map((activity) => activity.phase.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'sv'))
  const shown = activities
    .filter((activity) => (status === ALL || activity.status === status) && (phase === ALL || activity.phase.trim() === phase))
    .sort((a, b) => a.start.localeCompare(b.start))

  return (
    <div className="plan-table">
      <div className="plan-filters">
        <label>
          Filtrera på status
          <select value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value={ALL}>Alla</option>
            {ACTIVITY_STATUSES.map((key) => (
              <option key={key} value={key}>{ACTIVITY_STATUS_LABELS[key]}</option>
            ))}
          </select>
        </label>
        <label>
          Filtrera på fas
          <select value={phase} onChange={(event) => setPhase(event.target.value)}>
            <option value={ALL}>Alla</option>
            {phases.map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="plan-table__scroll">
        <table className="table">
          <caption>Aktiviteter sorterade efter startmånad ({shown.length} av {activities.length})</caption>
          <thead>
            <tr>
              <th scope="col">Aktivitet</th>
              <th scope="col">Ansvarig</th>
              <th scope="col">Start</th>
              <th scope="col">Slut</th>
              <th scope="col">Status</th>
              <th scope="col">Fas</th>
              {editable && <th scope="col"><span className="visually-hidden">Åtgärder</span></th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((activity, index) => (
              <PlanRow key={activity.id} doc={doc} activity={activity} row={index + 1} editable={editable} />
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="muted">Inga aktiviteter att visa.</p>}
    </div>
  )
}
