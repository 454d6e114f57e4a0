import { OVERVIEW_TEXT_KEYS, type OverviewTextKey } from '@samskriv/schema'
import { useId, useState } from 'react'
import { LengthLimit, usePasteLimit } from '../../app/LengthLimit.tsx'
import { t, type MessageKey } from '../../app/i18n.ts'
import { SharedTextInput } from '../../collab/SharedTextInput.tsx'
import type { SectionFields } from './SectionFields.ts'

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/
const MONTH = /^\d{4}-\d{2}/

/** A whole date with a four-digit year from 1000: what the form stores and every reader takes. */
const storableDate = (value: string) => FULL_DATE.test(value) && Number(value.slice(0, 4)) >= 1000

const TEXT_FIELDS: Record<OverviewTextKey, { label: MessageKey; maxLength?: number }> = {
  // The ESF+ form allows 150 characters for the project name.
  name: { label: 'fieldsProjectName', maxLength: 150 },
  owner: { label: 'fieldsProjectOwner' },
  workplace: { label: 'fieldsWorkplace' },
  regions: { label: 'fieldsRegions' },
  call: { label: 'fieldsCall' },
}

interface OverviewFormProps {
  fields: SectionFields
  editable: boolean
}

/**
 * ESF+ 1: the project's basic facts. Start and end are the project period the time plan is
 * checked against (rule `plan-dates`); the plan panel edits the same keys by month.
 */
export function OverviewForm({ fields, editable }: OverviewFormProps) {
  const baseId = useId()
  const values = fields.values()
  const date = (key: 'start' | 'end') => {
    const value = values[key]
    return typeof value === 'string' ? value.trim() : ''
  }
  const start = date('start')
  const end = date('end')
  // The checks want the end after the start: a project of one day ends where it starts.
  const backwards = FULL_DATE.test(start) && FULL_DATE.test(end) && end <= start
  // What the date field shows while the user is in it: the stored value would put a half-typed
  // year back on every keystroke, and the typing would start over.
  const [drafts, setDrafts] = useState<Partial<Record<'start' | 'end', string>>>({})
  const handleDate = (key: 'start' | 'end', input: HTMLInputElement) => {
    setDrafts((current) => ({ ...current, [key]: input.value }))
    // A half-typed date reads as '' with badInput, or, while the year is typed digit by digit,
    // as year 0002, 0020, 0202: keep what is stored until it is whole (no reader takes year 0002).
    // The field shows what is typed (the draft) and marks it while it is not stored.
    if (input.value === '' && input.validity.badInput) return
    // A year of four digits from 1000: "20255" (a digit too many) is no date anyone reads either.
    if (input.value !== '' && !storableDate(input.value)) return
    fields.set({ [key]: input.value === '' ? null : input.value })
  }
  const leaveDate = (key: 'start' | 'end') =>
    setDrafts(({ [key]: _left, ...rest }) => rest)
  const dateField = (key: 'start' | 'end', label: MessageKey) => {
    const value = key === 'start' ? start : end
    const monthOnly = value !== '' && !FULL_DATE.test(value) && MONTH.test(value)
    const draft = drafts[key]
    const unstored = draft !== undefined && draft !== '' && !storableDate(draft)
    const hintId = `${baseId}-${key}-hint`
    return (
      <div className="fields-field">
        <label htmlFor={`${baseId}-${key}`}>{t(label)}</label>
        <input
          id={`${baseId}-${key}`}
          type="date"
          value={drafts[key] ?? (FULL_DATE.test(value) ? value : '')}
          readOnly={!editable}
          aria-invalid={backwards || unstored || undefined}
          aria-describedby={monthOnly || unstored ? hintId : undefined}
          onChange={(event) => handleDate(key, event.target)}
          onBlur={() => leaveDate(key)}
        />
        {unstored ? (
          <span id={hintId} className="error">
            {t('fieldsDateNotStored')}
          </span>
        ) : (
          monthOnly && (
            <span id={hintId} className="muted">
              {t('fieldsMonthOnly', { month: value.slice(0, 7) })}
            </span>
          )
        )}
      </div>
    )
  }
  return (
    <fieldset className="fields-form">
      <legend>{t('fieldsOverviewLegend')}</legend>
      <div className="fields-grid">
        {OVERVIEW_TEXT_KEYS.map((key) => (
          <OverviewTextField key={key} fields={fields} textKey={key} value={textOf(values[key])} editable={editable} />
        ))}
        {dateField('start', 'fieldsStart')}
        {dateField('end', 'fieldsEnd')}
      </div>
      {backwards && (
        <p className="error" role="alert">
          {t('fieldsEndBeforeStart')}
        </p>
      )}
    </fieldset>
  )
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : '')

interface OverviewTextFieldProps {
  fields: SectionFields
  textKey: OverviewTextKey
  value: string
  editable: boolean
}

/** One of the overview's texts, typed into together with others (a shared text). */
function OverviewTextField({ fields, textKey: key, value, editable }: OverviewTextFieldProps) {
  const id = useId()
  const { label, maxLength } = TEXT_FIELDS[key]
  const paste = usePasteLimit(maxLength ?? Number.POSITIVE_INFINITY)
  // maxLength stops this user's typing, not two people's typing merged: say so when over.
  const over = maxLength !== undefined && value.length > maxLength
  return (
    <div className="fields-field">
      <label htmlFor={id}>{t(label)}</label>
      <SharedTextInput
        id={id}
        value={value}
        maxLength={maxLength}
        readOnly={!editable}
        aria-invalid={over || undefined}
        aria-describedby={maxLength !== undefined ? `${id}-limit` : undefined}
        onPaste={paste.onPaste}
        onEdit={(next, base, caret) => fields.setText(key, next, base, caret)}
        text={() => fields.textOf(key)}
        prepare={editable ? () => fields.prepareText(key) : undefined}
      />
      {over ? (
        <span id={`${id}-limit`} className="error">
          {t('fieldsTooLong', { length: value.length, max: maxLength })}
        </span>
      ) : (
        maxLength !== undefined && <LengthLimit id={`${id}-limit`} length={value.length} max={maxLength} cut={paste.cut} />
      )}
    </div>
  )
}
