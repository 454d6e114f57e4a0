import { useId, useState } from 'react'
import { t } from '../../app/i18n.ts'

interface RestoreButtonProps {
  /** The button's visible text. */
  label: string
  /** Its accessible name when the visible text alone is ambiguous (one button per section). */
  ariaLabel?: string
  question: string
  busy: boolean
  onConfirm: () => void
}

/** A restore button with a confirm step in place: restoring replaces text others may be editing. */
export function RestoreButton({ label, ariaLabel, question, busy, onConfirm }: RestoreButtonProps) {
  const [asking, setAsking] = useState(false)
  const questionId = useId()
  if (!asking) {
    return (
      <button type="button" className="button button--secondary" aria-label={ariaLabel} disabled={busy} onClick={() => setAsking(true)}>
        {label}
      </button>
    )
  }
  return (
    <div className="history-confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId}>{question}</p>
      <button
        type="button"
        className="button"
        autoFocus
        disabled={busy}
        onClick={() => {
          setAsking(false)
          onConfirm()
        }}
      >
        {t('historyConfirm')}
      </button>{' '}
      <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
        {t('historyCancel')}
      </button>
    </div>
  )
}
