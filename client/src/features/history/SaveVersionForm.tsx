import { useId, useState } from 'react'
import { errorMessage } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { t } from '../../app/i18n.ts'
import { versionsApi, type VersionSummary } from './versionsApi.ts'

/** A coordinator saves the current text as a named version (e.g. "Inför styrelsemötet"). */
export function SaveVersionForm({ documentId, onSaved }: { documentId: string; onSaved: (version: VersionSummary) => void }) {
  const [name, setName] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const fieldId = useId()
  return (
    <form
      className="history-save"
      onSubmit={(event) => {
        event.preventDefault()
        if (!name.trim()) return
        setSaving(true)
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
        <input id={fieldId} value={name} maxLength={120} required onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="button" disabled={saving}>
          {t('historySave')}
        </button>
      </div>
      <ErrorMessage message={error} />
    </form>
  )
}
