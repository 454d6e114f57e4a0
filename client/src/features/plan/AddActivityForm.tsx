import { useId, useRef, useState } from 'react'
import type { ChangeEvent, FormEvent } from 'react'
import type * as Y from 'yjs'
import { ACTIVITY_STATUSES, TITLE_MAX_LENGTH, addActivity, monthIndex } from '@samskriv/plan'
import type { Activity, ActivityOwner, ActivityStatus, PlanMember, ProjectPeriod, Recurrence } from '@samskriv/plan'
import { t, type MessageKey } from '../../app/i18n.ts'
import { currentMonth } from './currentMonth.ts'
import { isPlausibleMonth } from './monthDraft.ts'
import { monthWithin } from './monthWithin.ts'
import { OwnerSelect } from './OwnerSelect.tsx'
import { RecurrenceSelect } from './RecurrenceSelect.tsx'
import { statusLabel } from './statusLabel.ts'

interface AddActivityFormProps {
  doc: Y.Doc
  /** The workspace's members, for the owner select; empty while loading. */
  members: readonly PlanMember[]
  /** The project period: the suggested months lie in it. */
  period: ProjectPeriod
  /** The plan's activities, for the phases the phase field offers. */
  activities: readonly Activity[]
}

type Problem = { field: 'title' | 'start' | 'end'; message: MessageKey }

/**
 * Adds a planned activity at the end of the plan, with its phase, owner, status and repetition
 * set at once, and says so. The months suggest this month (within the project period) until the
 * user picks one; the months, the phase and the owner then stay for the next activity (a plan is
 * often entered phase by phase or owner by owner). The phase is free text that offers the plan's
 * phases, so one phase is not spelt two ways.
 */
export function AddActivityForm({ doc, members, period, activities }: AddActivityFormProps) {
  const [title, setTitle] = useState('')
  // null: not chosen yet, so the suggestion follows the period as it loads or changes.
  const [start, setStart] = useState<string | null>(null)
  const [end, setEnd] = useState<string | null>(null)
  const [owner, setOwner] = useState<ActivityOwner | null>(null)
  const [status, setStatus] = useState<ActivityStatus>('planerad')
  const [recurrence, setRecurrence] = useState<Recurrence | null>(null)
  const [phase, setPhase] = useState('')
  const [problem, setProblem] = useState<Problem | null>(null)
  // The title just added, for the status message; cleared when the next title is typed, so
  // adding the same title again is announced again.
  const [added, setAdded] = useState<string | null>(null)
  const phases = [...new Set(activities.map((activity) => activity.phase.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'sv'))
  const fields = { title: useRef<HTMLInputElement>(null), start: useRef<HTMLInputElement>(null), end: useRef<HTMLInputElement>(null) }
  // The label wraps its select, which would put the chosen option into the accessible name.
  const statusId = useId()
  const repeatsId = useId()
  const errorId = useId()
  const phasesId = useId()
  const suggested = monthWithin(currentMonth(), period)
  const startMonth = start ?? suggested
  const endMonth = end ?? suggested

  const refuse = (found: Problem) => {
    setProblem(found)
    fields[found.field].current?.focus()
  }
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!title.trim()) return refuse({ field: 'title', message: 'planAddTitleRequired' })
    // A browser's month field takes six-digit years ("202812-02"); no plan means one.
    if (!isPlausibleMonth(startMonth)) return refuse({ field: 'start', message: 'planAddStartInvalid' })
    if (!isPlausibleMonth(endMonth)) return refuse({ field: 'end', message: 'planAddEndInvalid' })
    if (monthIndex(endMonth) < monthIndex(startMonth)) return refuse({ field: 'end', message: 'planAddEndBeforeStart' })
    addActivity(doc, {
      title: title.trim(), description: '', owner, start: startMonth, end: endMonth,
      status, phase: phase.trim(), links: [], recurrence,
    })
    setAdded(title.trim())
    setTitle('')
    setStatus('planerad')
    setRecurrence(null)
    setProblem(null)
  }
  const handleTitleChange = (event: ChangeEvent<HTMLInputElement>) => {
    setTitle(event.target.value)
    setAdded(null)
  }
  const invalid = (field: Problem['field']) =>
    problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}

  return (
    <form className="plan-add" onSubmit={handleSubmit} aria-label={t('planAddLabel')} noValidate>
      <label className="plan-add__title">
        {t('planColActivity')}
        <input ref={fields.title} value={title} maxLength={TITLE_MAX_LENGTH} onChange={handleTitleChange} {...invalid('title')} />
      </label>
      <label>
        {t('planColPhase')}
        <input value={phase} list={phasesId} onChange={(event) => setPhase(event.target.value)} />
        <datalist id={phasesId}>
          {phases.map((name) => <option key={name} value={name} />)}
        </datalist>
      </label>
      <label>
        {t('planColStart')}
        <input ref={fields.start} type="month" value={startMonth} onChange={(event) => setStart(event.target.value)} {...invalid('start')} />
      </label>
      <label>
        {t('planColEnd')}
        <input ref={fields.end} type="month" value={endMonth} onChange={(event) => setEnd(event.target.value)} {...invalid('end')} />
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
      {problem && <p id={errorId} className="error" role="alert">{t(problem.message)}</p>}
      {/* In the page from the start: a live region added with its message is often not read. */}
      <p className="plan-add__status" role="status">{added !== null && t('planAddDone', { title: added })}</p>
    </form>
  )
}
