import { useEffect, useId, useRef, useState } from 'react'
import type { FocusEvent } from 'react'
import type * as Y from 'yjs'
import { ACTIVITY_STATUSES } from '@samskriv/plan'
import type { Activity, PlanIssue, PlanMember } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'
import type { LinkableSection } from './activityLinks.ts'
import { PlanRow } from './PlanRow.tsx'
import { ownerFilterOptions } from './ownerFilterOptions.ts'
import { ownerKey } from './ownerKey.ts'
import { stableOrder } from './stableOrder.ts'
import { useRemovedRowFocus } from './useRemovedRowFocus.ts'
import { statusLabel } from './statusLabel.ts'

const ALL = ''

interface PlanTableProps {
  doc: Y.Doc
  activities: readonly Activity[]
  editable: boolean
  members: readonly PlanMember[]
  issues: readonly PlanIssue[]
  /** The document's sections, for the links column. */
  sections: readonly LinkableSection[]
  onRemove: (id: string) => void
  /** An activity to move focus into (its first field) once it is shown: one brought back by "Ångra". */
  focusRequest?: { id: string } | null
}

/**
 * The activities as a table sorted by start, filterable by status, phase and owner. While focus
 * is in the table's rows the order holds still (a row whose start month is being typed would
 * otherwise jump away), and it is sorted again when focus leaves them; values, also other
 * users', stay live meanwhile.
 */
export function PlanTable({ doc, activities, editable, members, issues, sections, onRemove, focusRequest }: PlanTableProps) {
  const [status, setStatus] = useState(ALL)
  const [phase, setPhase] = useState(ALL)
  const [owner, setOwner] = useState(ALL)
  const owners = ownerFilterOptions(activities, members)
  // The label wraps its select, which would put the chosen option into the accessible name.
  const ids = { status: useId(), phase: useId(), owner: useId(), caption: useId() }
  const phases = [...new Set(activities.map((activity) => activity.phase.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'sv'))
  const sorted = activities
    .filter((activity) => (status === ALL || activity.status === status) && (phase === ALL || activity.phase.trim() === phase) && (owner === ALL || ownerKey(activity.owner) === owner))
    .sort((a, b) => a.start.localeCompare(b.start))
  const [frozen, setFrozen] = useState<readonly string[] | null>(null)
  const shown = frozen ? stableOrder(frozen, activities, sorted) : sorted
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const removedRow = useRemovedRowFocus(shown)

  const freeze = () => {
    if (!frozen) setFrozen(shown.map((activity) => activity.id))
  }
  const handleFocus = (event: FocusEvent) => {
    removedRow.handleFocus(event)
    freeze()
  }
  const handleBlur = (event: FocusEvent) => {
    if (bodyRef.current?.contains(event.relatedTarget as Node | null)) return
    // Checked a moment later: switching to another window blurs the field but leaves it the
    // active element, and the order should not change under it on the way back.
    setTimeout(() => {
      if (!bodyRef.current?.contains(document.activeElement)) setFrozen(null)
    })
  }
  // Choosing a filter is an explicit request for the list it names: sort again.
  const filterBy = (set: (value: string) => void, value: string) => {
    setFrozen(null)
    set(value)
  }
  const handleRemove = (id: string) => {
    // The removed row took focus with it (no blur event): sort again now.
    setFrozen(null)
    removedRow.markOwnRemoval(id)
    onRemove(id)
  }

  useEffect(() => {
    if (!focusRequest) return
    const row = bodyRef.current?.querySelector(`tr[data-activity-id="${CSS.escape(focusRequest.id)}"]`)
    row?.querySelector<HTMLElement>('textarea, input, select, button')?.focus()
  }, [focusRequest])

  return (
    <div className="plan-table">
      <div className="plan-filters">
        <label>
          <span id={ids.status}>{t('planFilterStatus')}</span>
          <select aria-labelledby={ids.status} value={status} onChange={(event) => filterBy(setStatus, event.target.value)}>
            <option value={ALL}>{t('planFilterAll')}</option>
            {ACTIVITY_STATUSES.map((key) => (
              <option key={key} value={key}>{statusLabel(key)}</option>
            ))}
          </select>
        </label>
        <label>
          <span id={ids.phase}>{t('planFilterPhase')}</span>
          <select aria-labelledby={ids.phase} value={phase} onChange={(event) => filterBy(setPhase, event.target.value)}>
            <option value={ALL}>{t('planFilterAll')}</option>
            {phases.map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          <span id={ids.owner}>{t('planFilterOwner')}</span>
          <select aria-labelledby={ids.owner} value={owner} onChange={(event) => filterBy(setOwner, event.target.value)}>
            <option value={ALL}>{t('planFilterAll')}</option>
            {owners.map((option) => (
              <option key={option.key} value={option.key}>{option.label}</option>
            ))}
          </select>
        </label>
      </div>
      {/* Above the table: Tab from it, where focus goes when someone removes the row being edited, enters the table. */}
      <p ref={removedRow.statusRef} role="status" className="plan-removal" tabIndex={-1}>{removedRow.announcement}</p>
      {/* Focusable, so a keyboard user can scroll a table wider than the page (WCAG 2.1.1). */}
      <div className="plan-table__scroll" role="region" aria-labelledby={ids.caption} tabIndex={0}>
        <table className="table">
          <caption id={ids.caption}>{t('planTableCaption', { shown: shown.length, total: activities.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planColActivity')}</th>
              <th scope="col">{t('planColOwner')}</th>
              <th scope="col">{t('planColStart')}</th>
              <th scope="col">{t('planColEnd')}</th>
              <th scope="col">{t('planRepeats')}</th>
              <th scope="col">{t('planColStatus')}</th>
              <th scope="col">{t('planColPhase')}</th>
              <th scope="col">{t('planLinksColumn')}</th>
              {editable && <th scope="col"><span className="visually-hidden">{t('planColActions')}</span></th>}
            </tr>
          </thead>
          {/* Frozen on focus, and before a change when a filter choice has sorted again meanwhile. */}
          <tbody ref={bodyRef} onFocus={handleFocus} onChangeCapture={freeze} onBlur={handleBlur}>
            {shown.map((activity, index) => (
              <PlanRow key={activity.id} doc={doc} activity={activity} row={index + 1} editable={editable} members={members}
                issues={issues.filter((issue) => issue.activityId === activity.id)} sections={sections} onRemove={handleRemove} />
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="muted">{t('planNoActivities')}</p>}
    </div>
  )
}
