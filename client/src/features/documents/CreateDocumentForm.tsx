import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { TEMPLATE_IDS, isTemplateId } from '@samskriv/schema'
import type { TemplateId } from '@samskriv/schema'
import { api, errorMessage } from '../../api/client.ts'
import type { CreatedDocument } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { LimitedInput } from '../../app/LengthLimit.tsx'
import { t } from '../../app/i18n.ts'
import { templateName } from './templateName.ts'

interface CreateDocumentFormProps {
  workspaceId: string
  onCreated: (document: CreatedDocument) => void
}

export function CreateDocumentForm({ workspaceId, onCreated }: CreateDocumentFormProps) {
  const id = useId()
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState<TemplateId>('esf-projektide')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      onCreated(await api.createDocument(workspaceId, { template, title: title.trim() }))
    } catch (caught) {
      setError(errorMessage(caught))
      setBusy(false)
    }
  }

  return (
    <form className="card stack" onSubmit={(event) => void handleSubmit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('newDocument')}</h2>
      <div className="field">
        <label htmlFor={`${id}-doc-title`}>{t('documentTitle')}</label>
        <LimitedInput id={`${id}-doc-title`} value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-template`}>{t('template')}</label>
        <select
          id={`${id}-template`}
          value={template}
          onChange={(event) => isTemplateId(event.target.value) && setTemplate(event.target.value)}
        >
          {TEMPLATE_IDS.map((templateId) => (
            <option key={templateId} value={templateId}>
              {templateName(templateId)}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage message={error} />
      <div className="actions">
        {/* aria-disabled, not disabled: a disabled button drops a keyboard user's focus to <body>. */}
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t('createDocument')}
        </button>
      </div>
    </form>
  )
}
