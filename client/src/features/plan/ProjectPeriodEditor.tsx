import { monthIndex, setProjectPeriod } from '@samskriv/plan'
import type { ProjectPeriod, ProjectPeriodSource } from '@samskriv/plan'
import { useId } from 'react'
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

/** The project's first and last month, against which the plan's activities are checked. */
export function ProjectPeriodEditor({ doc, source, period, editable, sectionTitle }: ProjectPeriodEditorProps) {
  const startId = useId()
  const endId = useId()
  const backwards = period.start && period.end && monthIndex(period.end) < monthIndex(period.start)
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
  const change = (key: 'start' | 'end', value: string) => setProjectPeriod(doc, source, { [key]: value || null })
  return (
    <fieldset className="plan-period">
      <legend>{t('planPeriodLegend')}</legend>
      <div className="plan-period__field">
        <label htmlFor={startId}>{t('planPeriodStart')}</label>
        <MonthInput id={startId} clearable value={period.start ?? ''} aria-invalid={backwards || undefined} onCommit={(value) => change('start', value)} />
      </div>
      <div className="plan-period__field">
        <label htmlFor={endId}>{t('planPeriodEnd')}</label>
        <MonthInput id={endId} clearable value={period.end ?? ''} aria-invalid={backwards || undefined} onCommit={(value) => change('end', value)} />
      </div>
      {backwards && <p className="error" role="alert">{t('planPeriodBackwards')}</p>}
      {hint}
    </fieldset>
  )
}
