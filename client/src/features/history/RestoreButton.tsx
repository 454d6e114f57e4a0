import { useEffect, useId, useRef, useState } from 'react'
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
  const trigger = useRef<HTMLButtonElement>(null)
  // Cancelled: focus goes back to the button that asked, not to the page.
  const [cancelled, setCancelled] = useState(false)
  useEffect(() => {
    if (!cancelled) return
    trigger.current?.focus()
    setCancelled(false)
  }, [cancelled])
  const cancel = () => {
    setAsking(false)
    setCancelled(true)
  }
  if (!asking) {
    return (
      <button ref={trigger} type="button" className="button button--secondary" aria-label={ariaLabel} disabled={busy} onClick={() => setAsking(true)}>
        {label}
      </button>
    )
  }
  return (
    <div
      className="history-confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        // The history panel closes on Escape too: this one only cancels the question.
        event.stopPropagation()
        cancel()
      }}
    >
      <p id={questionId}>{question}</p>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => {
          setAsking(false)
          onConfirm()
        }}
      >
        {t('historyConfirm')}
      </button>{' '}
      {/* Focus starts here, so a second Enter after opening the question does not restore. */}
      <button type="button" className="button button--secondary" autoFocus onClick={cancel}>
        {t('historyCancel')}
      </button>
    </div>
  )
}
