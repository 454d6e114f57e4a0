import { useEffect } from 'react'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { Link } from '../../app/Link.tsx'
import { t } from '../../app/i18n.ts'
import { useMembers } from '../sections/useMembers.ts'
import { useSections } from '../sections/useSections.ts'
import { PrintSection } from './PrintSection.tsx'
import './print.css'
import { DocumentMissing, useDocumentMissing } from '../documents/DocumentMissing.tsx'
import { useOpenDocument } from '../documents/useOpenDocument.ts'
import { sectionLanguage } from '@samskriv/schema'

/**
 * The whole document laid out for paper (`/d/:id/utskrift`): title, every section under its
 * heading with its structured values and, in the plan's section, the time plan as a table,
 * without editor controls. The browser's print dialog
 * makes the PDF ("Spara som PDF"); print.css hides the app's chrome and keeps headings with
 * their text. A document that does not exist, was deleted or is another workspace's gets a page
 * that says so (as the document page does), and its connection is closed instead of retrying.
 */
export function PrintPage({ documentId }: { documentId: string }) {
  const [missing, handleMissing] = useDocumentMissing()
  if (missing) return <DocumentMissing />
  return <PrintDocument documentId={documentId} onMissing={handleMissing} />
}

function PrintDocument({ documentId, onMissing }: { documentId: string; onMissing: () => void }) {
  const { info, error, collab, synced } = useOpenDocument(documentId, onMissing)
  const sections = useSections(collab?.doc ?? null)
  const members = useMembers(info?.workspaceId)
  // The plan table goes under the first plan section, as in the exports.
  const planSectionId = sections.find((section) => section.kind === 'plan')?.id

  // The browser names the PDF (and its title metadata) after the page title.
  useEffect(() => {
    if (!info) return
    const previous = document.title
    document.title = info.title
    return () => {
      document.title = previous
    }
  }, [info])

  const documentPath = `/d/${encodeURIComponent(documentId)}`
  return (
    <main className="page print-page" id="main">
      <div className="print-toolbar">
        <Link href={documentPath}>{t('printBack')}</Link>
        <button type="button" className="button" onClick={() => window.print()} disabled={!synced}>
          {t('printButton')}
        </button>
        <p className="muted">{t('printHint')}</p>
      </div>
      <ErrorMessage message={error} />
      <article className="print-document">
        <h1>{info?.title ?? t('loading')}</h1>
        {collab && !synced && <p>{t('syncing')}</p>}
        {collab &&
          synced &&
          sections.map((section) => (
            <PrintSection
              key={section.id}
              doc={collab.doc}
              section={section}
              sections={sections}
              members={members}
              holdsPlan={section.id === planSectionId}
              lang={info ? sectionLanguage(info.template, section.key) : undefined}
            />
          ))}
      </article>
    </main>
  )
}
