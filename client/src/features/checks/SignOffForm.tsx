import { useId, useState, type FormEvent } from 'react'
import { t } from '../../app/i18n.ts'
import { SIGN_OFF_CHOICES, statusText } from './statusText.ts'

type Choice = (typeof SIGN_OFF_CHOICES)[number]

/** The analyst's small form for one manual item. */
export function SignOffForm({
  itemTitle,
  initial,
  busy,
  onSign,
}: {
  itemTitle: string
  initial?: { status: Choice; note: string }
  busy: boolean
  onSign: (status: Choice, note: string) => void
}) {
  const id = useId()
  const [status, setStatus] = useState<Choice>(initial?.status ?? 'pass')
  const [note, setNote] = useState(initial?.note ?? '')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSign(status, note.trim())
  }
  return (
    <form className="checks-signoff" onSubmit={submit} aria-label={t('checksSignLabel', { title: itemTitle })}>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('checksAssessment')}</label>
        <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value as Choice)}>
          {SIGN_OFF_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {statusText(choice)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('checksNote')}</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <button type="submit" disabled={busy}>
        {t('checksSign')}
      </button>
    </form>
  )
}
