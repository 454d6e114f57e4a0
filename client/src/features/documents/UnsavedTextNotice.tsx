import { useEffect, useId, useState } from 'react'
import type * as Y from 'yjs'
import { sectionPlainText } from '@samskriv/schema'
import { t } from '../../app/i18n.ts'
import { clearUnsavedText, loadUnsavedText, type UnsavedSection } from '../../collab/unsavedText.ts'

interface UnsavedTextNoticeProps {
  documentId: string
  doc: Y.Doc | null
  synced: boolean
}

/**
 * After a reload forced by the server refusing an update, offers the text the local copy had in
 * sections whose text now differs from the server's, read-only, with a button to copy it.
 */
export function UnsavedTextNotice({ documentId, doc, synced }: UnsavedTextNoticeProps) {
  const [sections, setSections] = useState<UnsavedSection[]>([])
  const [copyStatus, setCopyStatus] = useState('')

  useEffect(() => {
    if (!doc || !synced) return
    const saved = loadUnsavedText(documentId)
    if (saved.length === 0) return
    // Only what the server does not already have is worth offering.
    setSections(saved.filter((s) => sectionPlainText(doc, s.sectionId).trim() !== s.text.trim()))
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
        <UnsavedSectionText key={section.sectionId} section={section} onCopy={(text) => void copy(text)} />
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

function UnsavedSectionText({ section, onCopy }: { section: UnsavedSection; onCopy: (text: string) => void }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>
        {t('unsavedTitle')}
        {section.title ? `: ${section.title}` : ''}
      </label>
      <textarea id={id} readOnly value={section.text} rows={Math.min(12, section.text.split('\n').length + 1)} />
      <div>
        <button type="button" className="button" onClick={() => onCopy(section.text)}>
          {t('copy')}
        </button>
      </div>
    </div>
  )
}
