import { useId, useState } from 'react'
import { amountErrorMessage } from './amountErrorMessage.ts'
import { formatAmount } from './formatAmount.ts'
import { parseAmount, type AmountKind } from './parseAmount.ts'
import { storedNumber } from './storedNumber.ts'

interface NumberInputProps {
  /** Set when a visible `<label htmlFor>` names the input. */
  id?: string
  /** Set when no visible label does (table cells): names row and column. */
  label?: string
  kind: AmountKind
  /** The stored value: a number, or text another tool (or "Ej aktuellt") put there. */
  value: unknown
  readOnly: boolean
  /** A valid number, or null for an emptied field. Never called with what the user mistyped. */
  onCommit: (value: number | null) => void
  /** A problem the form found with the stored value (e.g. a total that is not the sum), described by `problemId`. */
  problemId?: string
}

/**
 * A number typed the Swedish way. Each valid keystroke is saved at once, so others see it live;
 * text that is not a number stays in the field with a message and is not saved.
 */
export function NumberInput({ id, label, kind, value, readOnly, onCommit, problemId }: NumberInputProps) {
  const errorId = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const stored = storedNumber(value)
  const parsed = draft === null ? null : parseAmount(draft, kind)
  // What the user typed stays while it is invalid or means the stored number; a change by
  // someone else (the stored number moved away from it) wins.
  const showDraft = draft !== null && parsed !== null && (!parsed.ok || parsed.value === stored)
  const text = showDraft
    ? draft
    : stored !== null
      ? // Kronor with öre with both öre digits, as the sums show them (150 000,50).
        kind === 'amount' && !Number.isInteger(stored) ? formatAmount(stored, 2, 2) : formatAmount(stored)
      : typeof value === 'string'
        ? value
        : ''
  const error = showDraft && parsed && !parsed.ok ? amountErrorMessage(parsed.error, kind) : null
  const handleChange = (next: string) => {
    setDraft(next)
    const result = parseAmount(next, kind)
    if (result.ok && result.value !== stored) onCommit(result.value)
  }
  return (
    <span className="number-input">
      <input
        id={id}
        aria-label={label}
        inputMode={kind === 'count' ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={text}
        readOnly={readOnly}
        aria-invalid={error || problemId ? true : undefined}
        aria-describedby={[error ? errorId : undefined, problemId].filter(Boolean).join(' ') || undefined}
        onChange={(event) => handleChange(event.target.value)}
        onBlur={() => {
          if (draft !== null && parseAmount(draft, kind).ok) setDraft(null)
        }}
      />
      {error && (
        <span id={errorId} className="error fields-error" role="alert">
          {error}
        </span>
      )}
    </span>
  )
}
