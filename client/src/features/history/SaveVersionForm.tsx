import { useId, useRef, useState } from 'react'
import { errorMessage } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { LengthLimit, usePasteLimit } from '../../app/LengthLimit.tsx'
import { t } from '../../app/i18n.ts'
import { versionsApi, type VersionSummary } from './versionsApi.ts'

const NAME_MAX = 120

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
  const limitId = useId()
  const paste = usePasteLimit(NAME_MAX)
  return (
    <form
      className="history-save"
      onBlur={(event) => {
        // Left without a name: the user gave up saving, and an old "write a name" should not linger.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null) && !name.trim()) {
          setError(null)
          setInvalid(false)
        }
      }}
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
          maxLength={NAME_MAX}
          required
          aria-invalid={invalid || undefined}
          aria-describedby={error ? `${errorId} ${limitId}` : limitId}
          onPaste={paste.onPaste}
          onChange={(event) => {
            setName(event.target.value)
            if (invalid) {
              setInvalid(false)
              setError(null)
            }
          }}
        />
        {/* aria-disabled, not disabled: a disabled button drops a keyboard user's focus to <body>. */}
        <button type="submit" className="button" aria-disabled={saving || undefined}>
          {t('historySave')}
        </button>
      </div>
      <LengthLimit id={limitId} length={name.length} max={NAME_MAX} cut={paste.cut} />
      <div id={errorId}>
        <ErrorMessage message={error} />
      </div>
    </form>
  )
}
