import { useId, useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { t } from '../../app/i18n.ts'
import { addSection } from './sectionOps.ts'

/** Adds an optional section at the end of the document (coordinators and editors). */
export function AddSectionForm({ doc, onAdded }: { doc: Y.Doc; onAdded: (title: string) => void }) {
  const [title, setTitle] = useState('')
  const inputId = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = title.trim()
    if (!trimmed) return
    addSection(doc, trimmed)
    setTitle('')
    onAdded(trimmed)
  }
  return (
    <form className="add-section" onSubmit={submit} aria-label={t('addSection')}>
      <label htmlFor={inputId}>{t('newSectionTitle')}</label>
      <input id={inputId} type="text" maxLength={200} required value={title} onChange={(event) => setTitle(event.target.value)} />
      <button type="submit" className="button">
        {t('addSection')}
      </button>
    </form>
  )
}
