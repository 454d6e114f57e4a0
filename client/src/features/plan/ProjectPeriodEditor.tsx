import { monthIndex, setProjectPeriod } from '@samskriv/plan'
import type { ProjectPeriod, ProjectPeriodSource } from '@samskriv/plan'
import { useId, useState } from 'react'
import type * as Y from 'yjs'
import { t } from '../../app/i18n.ts'
import { monthLabel } from './monthLabel.ts'
import { MonthInput } from './MonthInput.tsx'

interface ProjectPeriodEditorProps {
  doc: Y.Doc
  source: ProjectPeriodSource
  period: ProjectPeriod
  /** False for readers, and for editors while the section that holds the period is locked. */
  editable: boolean
  /** Title of the section the period belongs to, when it is not the plan itself (ESF+: Översikt). */
  sectionTitle?: string
}

type PeriodKey = 'start' | 'end'

/** A month this user typed that would have put the period's end before its start. */
interface Refusal {
  key: PeriodKey
  value: string
}

const endsBeforeStart = ({ start, end }: ProjectPeriod) => Boolean(start && end && monthIndex(end) < monthIndex(start))

/**
 * The project's first and last month, against which the plan's activities are checked.
 *
 * A month that would make the period end before it starts is not stored (every activity would
 * be "outside the period", and the new-activity form would suggest months before the start): the
 * field is marked and the message says which month to change first. Any month that leaves the
 * period whole is stored, so a period is moved later by its last month first, earlier by its
 * first month first. A backwards period stored by someone else is still marked on both fields.
 */
export function ProjectPeriodEditor({ doc, source, period, editable, sectionTitle }: ProjectPeriodEditorProps) {
  const startId = useId()
  const endId = useId()
  const errorId = useId()
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const backwards = endsBeforeStart(period)
  // Measured against the period as it is now: a change by someone else may have made the month fit.
  const refused = refusal && !backwards && endsBeforeStart({ ...period, [refusal.key]: refusal.value }) ? refusal : null
  const hint = sectionTitle ? <p className="muted">{t('planPeriodSection', { title: sectionTitle })}</p> : null
  if (!editable) {
    const text = period.start || period.end
      ? `${period.start ? monthLabel(period.start) : t('planPeriodMonthUnset')} – ${period.end ? monthLabel(period.end) : t('planPeriodMonthUnset')}`
      : t('planPeriodUnset')
    return (
      <div className="plan-period">
        <p><strong>{t('planPeriodLabel')}</strong> {text}</p>
        {hint}
      </div>
    )
  }
  // MonthInput writes complete months only, and '' when the user emptied the field.
  const change = (key: PeriodKey, value: string) => {
    const next = { ...period, [key]: value || null }
    if (endsBeforeStart(next)) return setRefusal({ key, value })
    setRefusal(null)
    setProjectPeriod(doc, source, { [key]: value || null })
  }
  const invalid = (key: PeriodKey) =>
    backwards || refused?.key === key ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}
  const message = refused
    ? refused.key === 'end'
      ? t('planPeriodEndRefused', { month: monthLabel(refused.value), first: monthLabel(period.start ?? '') })
      : t('planPeriodStartRefused', { month: monthLabel(refused.value), last: monthLabel(period.end ?? '') })
    : backwards ? t('planPeriodBackwards') : null
  return (
    <fieldset className="plan-period">
      <legend>{t('planPeriodLegend')}</legend>
      <div className="plan-period__field">
        <label htmlFor={startId}>{t('planPeriodStart')}</label>
        <MonthInput id={startId} clearable value={period.start ?? ''} {...invalid('start')} onCommit={(value) => change('start', value)} />
      </div>
      <div className="plan-period__field">
        <label htmlFor={endId}>{t('planPeriodEnd')}</label>
        <MonthInput id={endId} clearable value={period.end ?? ''} {...invalid('end')} onCommit={(value) => change('end', value)} />
      </div>
      {message && <p id={errorId} className="error" role="alert">{message}</p>}
      {hint}
    </fieldset>
  )
}
