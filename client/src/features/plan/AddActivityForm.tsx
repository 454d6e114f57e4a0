import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import type * as Y from 'yjs'
import { ACTIVITY_STATUSES, addActivity, isYearMonth, monthIndex } from '@samskriv/plan'
import type { ActivityOwner, ActivityStatus, PlanMember, Recurrence } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'
import { currentMonth } from './currentMonth.ts'
import { OwnerSelect } from './OwnerSelect.tsx'
import { RecurrenceSelect } from './RecurrenceSelect.tsx'
import { statusLabel } from './statusLabel.ts'

interface AddActivityFormProps {
  doc: Y.Doc
  /** The workspace's members, for the owner select; empty while loading. */
  members: readonly PlanMember[]
}

/**
 * Adds a planned activity at the end of the plan, with its owner, status and repetition set at
 * once. The months and the owner stay for the next activity (a plan is often entered owner by
 * owner).
 */
export function AddActivityForm({ doc, members }: AddActivityFormProps) {
  const [title, setTitle] = useState('')
  const [start, setStart] = useState(currentMonth)
  const [end, setEnd] = useState(currentMonth)
  const [owner, setOwner] = useState<ActivityOwner | null>(null)
  const [status, setStatus] = useState<ActivityStatus>('planerad')
  const [recurrence, setRecurrence] = useState<Recurrence | null>(null)
  const [error, setError] = useState<string | null>(null)
  // The label wraps its select, which would put the chosen option into the accessible name.
  const statusId = useId()
  const repeatsId = useId()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!title.trim()) return setError(t('planAddTitleRequired'))
    if (!isYearMonth(start) || !isYearMonth(end)) return setError(t('planAddMonthsRequired'))
    if (monthIndex(end) < monthIndex(start)) return setError(t('planAddEndBeforeStart'))
    addActivity(doc, {
      title: title.trim(), description: '', owner, start, end,
      status, phase: '', links: [], recurrence,
    })
    setTitle('')
    setStatus('planerad')
    setRecurrence(null)
    setError(null)
  }

  return (
    <form className="plan-add" onSubmit={handleSubmit} aria-label={t('planAddLabel')}>
      <label className="plan-add__title">
        {t('planColActivity')}
        <input value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label>
        {t('planColStart')}
        <input type="month" value={start} onChange={(event) => setStart(event.target.value)} />
      </label>
      <label>
        {t('planColEnd')}
        <input type="month" value={end} onChange={(event) => setEnd(event.target.value)} />
      </label>
      <label>
        <span id={repeatsId}>{t('planRepeats')}</span>
        <RecurrenceSelect recurrence={recurrence} labelledBy={repeatsId} onChange={setRecurrence} />
      </label>
      {/* The select names itself (aria-label); the visible word is the same label for sighted users. */}
      <div className="plan-add__owner">
        <span aria-hidden="true">{t('planAddOwner')}</span>
        <OwnerSelect owner={owner} members={members} label={t('planAddOwner')} onChange={setOwner} />
      </div>
      <label>
        <span id={statusId}>{t('planAddStatus')}</span>
        <select aria-labelledby={statusId} value={status} onChange={(event) => setStatus(event.target.value as ActivityStatus)}>
          {ACTIVITY_STATUSES.map((key) => (
            <option key={key} value={key}>{statusLabel(key)}</option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">{t('planAdd')}</button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  )
}
