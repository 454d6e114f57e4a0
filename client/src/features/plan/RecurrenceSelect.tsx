import type { Recurrence } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'
import { recurrenceLabel } from './recurrenceLabel.ts'

const NONE = ''

interface RecurrenceSelectProps {
  recurrence: Recurrence | null
  onChange: (recurrence: Recurrence | null) => void
  /** The accessible name; the select has no visible label of its own in the table. */
  label?: string
  labelledBy?: string
  invalid?: boolean
}

/**
 * Whether an activity repeats every month or quarter between its start and end. A series end
 * (`until`) set elsewhere (another client, an older import) is kept when the interval changes,
 * and named in the options so nobody is surprised by where the series stops.
 */
export function RecurrenceSelect({ recurrence, onChange, label, labelledBy, invalid }: RecurrenceSelectProps) {
  const until = recurrence?.until
  const choose = (value: string) => {
    if (value !== 'month' && value !== 'quarter') return onChange(null)
    onChange(until ? { every: value, until } : { every: value })
  }
  return (
    <select aria-label={label} aria-labelledby={labelledBy} aria-invalid={invalid} value={recurrence?.every ?? NONE}
      onChange={(event) => choose(event.target.value)}>
      <option value={NONE}>{t('planRepeatNone')}</option>
      {(['month', 'quarter'] as const).map((every) => (
        <option key={every} value={every}>
          {recurrenceLabel(until ? { every, until } : { every })}
        </option>
      ))}
    </select>
  )
}
