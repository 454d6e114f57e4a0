import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { api, errorMessage } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { t } from '../../app/i18n.ts'

interface SectionLockControlsProps {
  documentId: string
  sectionId: string
  sectionTitle: string
  locked: boolean
}

/** Coordinator-only buttons to lock a section for review (with an optional reason) and to unlock it. */
export function SectionLockControls({ documentId, sectionId, sectionTitle, locked }: SectionLockControlsProps) {
  const [formOpen, setFormOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const inputId = useId()
  // One button (lock, or unlock once locked) stands where the form was: when the form closes,
  // focus goes back to it rather than to the page's top.
  const toggleRef = useRef<HTMLButtonElement>(null)
  const returnFocus = useRef(false)
  useEffect(() => {
    if (formOpen || !returnFocus.current) return
    returnFocus.current = false
    toggleRef.current?.focus()
  }, [formOpen])

  const closeForm = () => {
    returnFocus.current = true
    setFormOpen(false)
  }

  const lock = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await api.lockSection(documentId, sectionId, reason.trim() || undefined)
      closeForm()
      setReason('')
    } catch (caught) {
      setError(t('lockFailed', { message: errorMessage(caught) }))
    } finally {
      setBusy(false)
    }
  }

  const unlock = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await api.unlockSection(documentId, sectionId)
    } catch (caught) {
      setError(t('unlockFailed', { message: errorMessage(caught) }))
    } finally {
      setBusy(false)
    }
  }

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || busy) return
    event.preventDefault()
    closeForm()
  }

  // Each section has this button: its name says which section (the visible word first, WCAG 2.5.3).
  // Busy buttons are aria-disabled, not disabled: a disabled button drops a keyboard user's focus
  // to <body>. Unlocked, the same button element turns into "Lås för granskning", so focus stays on it.
  return (
    <div className="lock-controls">
      {locked ? (
        <button key="toggle" ref={toggleRef} type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void unlock()} aria-label={t('sectionControlLabel', { label: t('unlock'), title: sectionTitle })}>
          {t('unlock')}
        </button>
      ) : formOpen ? (
        <form className="lock-form" onSubmit={(event) => void lock(event)} aria-label={`${t('lockForReview')}: ${sectionTitle}`} onKeyDown={handleKeyDown}>
          <label htmlFor={inputId}>{t('lockReason')}</label>
          <input id={inputId} type="text" maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} autoFocus />
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {t('lockConfirm')}
          </button>
          <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => !busy && closeForm()}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <button key="toggle" ref={toggleRef} type="button" className="button button--secondary" onClick={() => setFormOpen(true)} aria-label={t('sectionControlLabel', { label: t('lockForReview'), title: sectionTitle })}>
          {t('lockForReview')}
        </button>
      )}
      {error && <ErrorMessage message={error} />}
    </div>
  )
}
