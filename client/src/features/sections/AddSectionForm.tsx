import { useId, useRef, useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { t } from '../../app/i18n.ts'
import { addSection } from './sectionOps.ts'

/** Adds an optional section at the end of the document (coordinators and editors). */
export function AddSectionForm({ doc, onAdded }: { doc: Y.Doc; onAdded: (title: string) => void }) {
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const inputId = useId()
  const errorId = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = title.trim()
    // `required` lets a title of spaces through; say so instead of doing nothing.
    if (!trimmed) {
      setError(t('sectionTitleRequired'))
      inputRef.current?.focus()
      return
    }
    addSection(doc, trimmed)
    setTitle('')
    setError(null)
    onAdded(trimmed)
  }
  return (
    <form className="add-section" onSubmit={submit} aria-label={t('addSection')}>
      <label htmlFor={inputId}>{t('newSectionTitle')}</label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        maxLength={200}
        required
        value={title}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setTitle(event.target.value)
          setError(null)
        }}
      />
      <button type="submit" className="button">
        {t('addSection')}
      </button>
      <p id={errorId} className="error add-section__error" role="alert">
        {error}
      </p>
    </form>
  )
}
