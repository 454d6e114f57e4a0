import { useEffect, useId, useState } from 'react'
import type * as Y from 'yjs'
import { t } from '../../app/i18n.ts'
import { clearUnsavedText, loadUnsavedText, unsavedTextNotIn, type UnsavedText } from '../../collab/unsavedText.ts'

interface UnsavedTextNoticeProps {
  documentId: string
  doc: Y.Doc | null
  synced: boolean
}

/**
 * After a reload forced by the server refusing an update (or after access came back), offers the
 * text the local copy had in sections, time plan activities and field values that now differ from
 * the server's, read-only, with a button to copy it.
 */
export function UnsavedTextNotice({ documentId, doc, synced }: UnsavedTextNoticeProps) {
  const [sections, setSections] = useState<UnsavedText[]>([])
  const [copyStatus, setCopyStatus] = useState('')

  useEffect(() => {
    if (!doc || !synced) return
    const saved = loadUnsavedText(documentId)
    if (saved.length === 0) return
    // Only what the server does not already have is worth offering.
    setSections(unsavedTextNotIn(doc, saved))
  }, [documentId, doc, synced])

  if (sections.length === 0) return null

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text)
      setCopyStatus(t('copied'))
    } catch {
      setCopyStatus(t('copyFailed'))
    }
  }
  const dismiss = () => {
    clearUnsavedText(documentId)
    setSections([])
  }

  return (
    <section className="notice unsaved-text" aria-labelledby="unsaved-text-title">
      <h2 id="unsaved-text-title">{t('unsavedTitle')}</h2>
      <p>{t('unsavedIntro')}</p>
      {sections.map((section) => (
        <UnsavedItemText key={`${section.source}:${section.id}`} item={section} onCopy={(text) => void copy(text)} />
      ))}
      <p role="status" aria-live="polite">
        {copyStatus}
      </p>
      <button type="button" className="button button--secondary" onClick={dismiss}>
        {t('dismiss')}
      </button>
    </section>
  )
}

/** What the label names: the section, the activity or the section whose values these are. */
function itemName(item: UnsavedText): string {
  if (item.source === 'plan') return t('unsavedActivity', { title: item.title })
  if (item.source === 'fields') return t('unsavedFields', { title: item.title })
  return item.title
}

function UnsavedItemText({ item, onCopy }: { item: UnsavedText; onCopy: (text: string) => void }) {
  const id = useId()
  const name = itemName(item)
  return (
    <div className="field">
      <label htmlFor={id}>
        {t('unsavedTitle')}
        {name ? `: ${name}` : ''}
      </label>
      <textarea id={id} readOnly value={item.text} rows={Math.min(12, item.text.split('\n').length + 1)} />
      <div>
        <button type="button" className="button" onClick={() => onCopy(item.text)}>
          {t('copy')}
        </button>
      </div>
    </div>
  )
}
