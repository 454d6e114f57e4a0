import { useId, useState } from 'react'
import { t } from '../../app/i18n.ts'

const YEAR = /^(19|20)\d\d$/

/**
 * A year in a table row (the ESF+ budget is per year): four digits. A complete year is saved as
 * typed, so others see it live; what is no year stays in the field with a message and is not
 * saved (half typed, it is only marked once the field is left).
 */
export function YearInput({ label, value, readOnly, onCommit }: { label: string; value: unknown; readOnly: boolean; onCommit: (value: string | null) => void }) {
  const errorId = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const [left, setLeft] = useState(false)
  const stored = typeof value === 'string' || typeof value === 'number' ? String(value) : ''
  const typed = draft?.trim() ?? ''
  const invalid = draft !== null && typed !== '' && !YEAR.test(typed) && (left || typed.length >= 4 || /\D/.test(typed))
  return (
    <span className="number-input">
      <input
        aria-label={label}
        inputMode="numeric"
        autoComplete="off"
        value={draft ?? stored}
        readOnly={readOnly}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => {
          const next = event.target.value
          setDraft(next)
          setLeft(false)
          const year = next.trim()
          if (year === '' && stored !== '') onCommit(null)
          else if (YEAR.test(year) && year !== stored) onCommit(year)
        }}
        onBlur={() => {
          // A saved (or emptied) year shows what is stored again; anything else stays, marked.
          if (draft !== null && (typed === '' || YEAR.test(typed))) setDraft(null)
          else setLeft(true)
        }}
      />
      {invalid && (
        <span id={errorId} className="error fields-error" role="alert">
          {t('fieldsErrorYear')}
        </span>
      )}
    </span>
  )
}
