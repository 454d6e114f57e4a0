import { useState } from 'react'
import type { ChangeEvent, FocusEvent, InputHTMLAttributes } from 'react'
import { monthDraftAction } from './monthDraft.ts'

interface MonthInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> {
  /** The stored month, 'YYYY-MM', or '' when unset. */
  value: string
  /** Called with a complete month, or with '' when a clearable field was emptied. */
  onCommit: (value: string) => void
  /** Whether the month may be unset (on leaving an emptied field). */
  clearable?: boolean
}

/**
 * An `<input type="month">` that keeps what is being typed as a local draft while it has focus:
 * Chromium reports a year typed digit by digit as "0002-03" and then "", which must neither be
 * written to the shared document nor reverted under the keyboard. Only complete months with a
 * plausible year are written; a clear only on leaving a field the user emptied; an unusable draft
 * falls back to the stored month on leaving. Others' changes show whenever this user has not
 * typed anything of their own.
 */
export function MonthInput({ value, onCommit, clearable = false, onFocus, onBlur, ...rest }: MonthInputProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const [seen, setSeen] = useState(value)
  if (value !== seen) {
    // A remote change while focused replaces the draft only when it still shows the old value.
    setSeen(value)
    if (draft === seen) setDraft(value)
  }

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value
    setDraft(next)
    const action = monthDraftAction(next, { stored: value, clearable })
    if (action.kind === 'write') onCommit(action.value)
  }
  const handleFocus = (event: FocusEvent<HTMLInputElement>) => {
    setDraft(value)
    onFocus?.(event)
  }
  const handleBlur = (event: FocusEvent<HTMLInputElement>) => {
    const emptied = event.target.value === '' && !event.target.validity.badInput
    const action = monthDraftAction(draft ?? value, { stored: value, clearable, leaving: { emptied } })
    if (action.kind === 'write') onCommit(action.value)
    if (action.kind === 'clear') onCommit('')
    setDraft(null)
    onBlur?.(event)
  }
  return <input {...rest} type="month" value={draft ?? value} onChange={handleChange} onFocus={handleFocus} onBlur={handleBlur} />
}
