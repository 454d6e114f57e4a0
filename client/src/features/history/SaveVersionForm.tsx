import { useId, useRef, useState } from 'react'
import { errorMessage } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { t } from '../../app/i18n.ts'
import { versionsApi, type VersionSummary } from './versionsApi.ts'

/** A coordinator saves the current text as a named version (e.g. "Inför styrelsemötet"). */
export function SaveVersionForm({ documentId, onSaved }: { documentId: string; onSaved: (version: VersionSummary) => void }) {
  const [name, setName] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** The name itself is wrong (only spaces), not the request. */
  const [invalid, setInvalid] = useState(false)
  const fieldRef = useRef<HTMLInputElement>(null)
  const fieldId = useId()
  const errorId = useId()
  return (
    <form
      className="history-save"
      onSubmit={(event) => {
        event.preventDefault()
        if (saving) return
        // `required` lets a name of only spaces through; the server would refuse it once trimmed.
        if (!name.trim()) {
          setInvalid(true)
          setError(t('historyNameRequired'))
          fieldRef.current?.focus()
          return
        }
        setSaving(true)
        setInvalid(false)
        setError(null)
        versionsApi
          .create(documentId, name.trim())
          .then((version) => {
            setName('')
            onSaved(version)
          })
          .catch((caught: unknown) => setError(errorMessage(caught)))
          .finally(() => setSaving(false))
      }}
    >
      <label htmlFor={fieldId}>{t('historyNameLabel')}</label>
      <div className="history-save__row">
        <input
          id={fieldId}
          ref={fieldRef}
          value={name}
          maxLength={120}
          required
          aria-invalid={invalid || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {/* aria-disabled, not disabled: a disabled button drops a keyboard user's focus to <body>. */}
        <button type="submit" className="button" aria-disabled={saving || undefined}>
          {t('historySave')}
        </button>
      </div>
      <div id={errorId}>
        <ErrorMessage message={error} />
      </div>
    </form>
  )
}
