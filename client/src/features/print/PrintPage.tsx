import { useEffect, useMemo, useState } from 'react'
import { sectionRoot } from '@samskriv/schema'
import { api, ApiError, errorMessage } from '../../api/client.ts'
import type { DocumentInfo } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { Link } from '../../app/Link.tsx'
import { useSession } from '../../app/SessionContext.ts'
import { t } from '../../app/i18n.ts'
import { useCollabDoc } from '../../collab/useCollabDoc.ts'
import { userColor } from '../../collab/userColor.ts'
import { useMembers } from '../sections/useMembers.ts'
import { useSections } from '../sections/useSections.ts'
import { FragmentView } from './FragmentView.tsx'
import { PrintPlan } from './PrintPlan.tsx'
import './print.css'
import { DocumentMissing, useDocumentMissing } from '../documents/DocumentMissing.tsx'

/**
 * The whole document laid out for paper (`/d/:id/utskrift`): title, every section under its
 * heading, and the time plan as a table, without editor controls. The browser's print dialog
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
  const { user: sessionUser } = useSession()
  const [info, setInfo] = useState<DocumentInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api
      .getDocument(documentId)
      .then(setInfo)
      .catch((caught: unknown) => (caught instanceof ApiError && caught.status === 404 ? onMissing() : setError(errorMessage(caught))))
  }, [documentId, onMissing])

  const user = useMemo(() => ({ id: sessionUser.id, name: sessionUser.name, color: userColor(sessionUser.id) }), [sessionUser])
  const { collab, synced, failure } = useCollabDoc(documentId, user)
  useEffect(() => {
    if (failure === 'notFound') onMissing()
  }, [failure, onMissing])
  const sections = useSections(collab?.doc ?? null)
  const members = useMembers(info?.workspaceId)

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
            <section key={section.id} className="print-section" aria-labelledby={`print-${section.id}`}>
              <h2 id={`print-${section.id}`}>{section.title}</h2>
              <FragmentView fragment={collab.doc.getXmlFragment(sectionRoot(section.id))} />
            </section>
          ))}
        {collab && synced && sections.some((section) => section.kind === 'plan') && (
          <PrintPlan doc={collab.doc} sections={sections} members={members} />
        )}
      </article>
    </main>
  )
}
