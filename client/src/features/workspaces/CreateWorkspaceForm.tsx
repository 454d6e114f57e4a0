import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { api, errorMessage } from '../../api/client.ts'
import type { Workspace } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { LimitedInput } from '../../app/LengthLimit.tsx'
import { t } from '../../app/i18n.ts'

export function CreateWorkspaceForm({ onCreated }: { onCreated: (workspace: Workspace) => void }) {
  const id = useId()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      onCreated(await api.createWorkspace(name.trim()))
      setName('')
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="card stack" onSubmit={(event) => void handleSubmit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('newWorkspace')}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('workspaceName')}</label>
        <LimitedInput id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} maxLength={120} required />
      </div>
      <ErrorMessage message={error} />
      <div className="actions">
        {/* aria-disabled, not disabled: a disabled button drops a keyboard user's focus to <body>. */}
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t('createWorkspace')}
        </button>
      </div>
    </form>
  )
}
