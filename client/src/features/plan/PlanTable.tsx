import { useId, useState } from 'react'
import type * as Y from 'yjs'
import { ACTIVITY_STATUSES, ACTIVITY_STATUS_LABELS } from '@samskriv/plan'
import type { Activity, PlanIssue, PlanMember } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'
import type { LinkableSection } from './activityLinks.ts'
import { PlanRow } from './PlanRow.tsx'
import { ownerFilterOptions } from './ownerFilterOptions.ts'
import { ownerKey } from './ownerKey.ts'

const ALL = ''

interface PlanTableProps {
  doc: Y.Doc
  activities: readonly Activity[]
  editable: boolean
  members: readonly PlanMember[]
  issues: readonly PlanIssue[]
  /** The document's sections, for the links column. */
  sections: readonly LinkableSection[]
}

/** The activities as a table sorted by start, filterable by status, phase and owner. */
export function PlanTable({ doc, activities, editable, members, issues, sections }: PlanTableProps) {
  const [status, setStatus] = useState(ALL)
  const [phase, setPhase] = useState(ALL)
  const [owner, setOwner] = useState(ALL)
  const owners = ownerFilterOptions(activities, members)
  // The label wraps its select, which would put the chosen option into the accessible name.
  const ids = { status: useId(), phase: useId(), owner: useId() }
  const phases = [...new Set(activities.map((activity) => activity.phase.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'sv'))
  const shown = activities
    .filter((activity) => (status === ALL || activity.status === status) && (phase === ALL || activity.phase.trim() === phase) && (owner === ALL || ownerKey(activity.owner) === owner))
    .sort((a, b) => a.start.localeCompare(b.start))

  return (
    <div className="plan-table">
      <div className="plan-filters">
        <label>
          <span id={ids.status}>Filtrera på status</span>
          <select aria-labelledby={ids.status} value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value={ALL}>Alla</option>
            {ACTIVITY_STATUSES.map((key) => (
              <option key={key} value={key}>{ACTIVITY_STATUS_LABELS[key]}</option>
            ))}
          </select>
        </label>
        <label>
          <span id={ids.phase}>Filtrera på fas</span>
          <select aria-labelledby={ids.phase} value={phase} onChange={(event) => setPhase(event.target.value)}>
            <option value={ALL}>Alla</option>
            {phases.map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          <span id={ids.owner}>Filtrera på ansvarig</span>
          <select aria-labelledby={ids.owner} value={owner} onChange={(event) => setOwner(event.target.value)}>
            <option value={ALL}>Alla</option>
            {owners.map((option) => (
              <option key={option.key} value={option.key}>{option.label}</option>
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
              <th scope="col">{t('planLinksColumn')}</th>
              {editable && <th scope="col"><span className="visually-hidden">Åtgärder</span></th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((activity, index) => (
              <PlanRow key={activity.id} doc={doc} activity={activity} row={index + 1} editable={editable} members={members}
                issues={issues.filter((issue) => issue.activityId === activity.id)} sections={sections} />
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="muted">Inga aktiviteter att visa.</p>}
    </div>
  )
}
