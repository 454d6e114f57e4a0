import { useId, useRef, useState, type FormEvent, type Ref } from 'react'
import { SIGN_OFF_NOTE_MAX_CHARS } from '@samskriv/checks'
import { t } from '../../app/i18n.ts'
import { SIGN_OFF_CHOICES, statusText } from './statusText.ts'

type Choice = (typeof SIGN_OFF_CHOICES)[number]

/** The analyst's small form for one manual item. */
export function SignOffForm({
  itemTitle,
  initial,
  stale = false,
  busy,
  submitRef,
  onSign,
}: {
  itemTitle: string
  initial?: { status?: Choice; note: string }
  /** The item's sign-off judged other content than there is now. */
  stale?: boolean
  busy: boolean
  submitRef?: Ref<HTMLButtonElement>
  onSign: (status: Choice, note: string) => void
}) {
  const id = useId()
  // No assessment is chosen for the analyst: one press on "Signera" must not record a pass.
  const [status, setStatus] = useState<Choice | ''>(initial?.status ?? '')
  const [unchosen, setUnchosen] = useState(false)
  // Gone stale while open: the verdict chosen for the old content is not offered for the new.
  const [seenStale, setSeenStale] = useState(stale)
  if (stale !== seenStale) {
    setSeenStale(stale)
    if (stale) setStatus('')
  }
  const [note, setNote] = useState(initial?.note ?? '')
  const statusRef = useRef<HTMLSelectElement>(null)
  const tooLong = note.trim().length > SIGN_OFF_NOTE_MAX_CHARS
  const submit = (event: FormEvent) => {
    event.preventDefault()
    // aria-disabled, not disabled, while busy: a disabled button drops a keyboard user's focus.
    if (busy || tooLong) return
    if (status === '') {
      setUnchosen(true)
      statusRef.current?.focus()
      return
    }
    onSign(status, note.trim())
  }
  return (
    <form className="checks-signoff" onSubmit={submit} noValidate aria-label={t('checksSignLabel', { title: itemTitle })}>
      <div className="field">
        <label htmlFor={`${id}-status`}>
          {t('checksAssessment')}
          {/* Eleven items, eleven "Bedömning": the item goes with it for a screen reader. */}
          <span className="visually-hidden">: {itemTitle}</span>
        </label>
        <select
          id={`${id}-status`}
          ref={statusRef}
          value={status}
          required
          aria-invalid={unchosen || undefined}
          aria-describedby={unchosen ? `${id}-unchosen` : undefined}
          onChange={(event) => {
            setStatus(event.target.value as Choice | '')
            setUnchosen(false)
          }}
        >
          <option value="" disabled>
            {t('checksChooseAssessment')}
          </option>
          {SIGN_OFF_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {statusText(choice)}
            </option>
          ))}
        </select>
        {unchosen && (
          <span id={`${id}-unchosen`} className="error" role="alert">
            {t('checksAssessmentMissing')}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>
          {t('checksNote')}
          <span className="visually-hidden">: {itemTitle}</span>
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          maxLength={SIGN_OFF_NOTE_MAX_CHARS}
          aria-describedby={`${id}-count`}
          aria-invalid={tooLong || undefined}
          onChange={(event) => setNote(event.target.value)}
        />
        <span id={`${id}-count`} className="checks-signoff__count">
          {tooLong
            ? t('checksNoteTooLong', { max: SIGN_OFF_NOTE_MAX_CHARS })
            : t('checksNoteCount', { count: note.length, max: SIGN_OFF_NOTE_MAX_CHARS })}
        </span>
      </div>
      <button type="submit" className="button" ref={submitRef} aria-disabled={busy || tooLong || undefined}>
        {t('checksSign')}
        {/* Ten "Signera" in a row say nothing to a screen reader: the item goes with it. */}
        <span className="visually-hidden"> {itemTitle}</span>
      </button>
    </form>
  )
}
