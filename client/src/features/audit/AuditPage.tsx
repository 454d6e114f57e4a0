import { useEffect, useMemo, useState } from 'react'
import { api, errorMessage, type AuditEntry } from '../../api/client.ts'
import { getLang, t } from '../../app/i18n.ts'
import { Link } from '../../app/Link.tsx'
import { DocumentMissing, useDocumentMissing } from '../documents/DocumentMissing.tsx'
import { useOpenDocument } from '../documents/useOpenDocument.ts'
import { useSections } from '../sections/useSections.ts'
import { auditActionLabel } from './auditActionLabel.ts'
import { auditDetailsText } from './auditDetailsText.ts'

/** The document's audit log (coordinators only; the server answers 403 to others). */
export function AuditPage({ documentId }: { documentId: string }) {
  const [missing, handleMissing] = useDocumentMissing()
  if (missing) return <DocumentMissing />
  return <AuditLog documentId={documentId} onMissing={handleMissing} />
}

function AuditLog({ documentId, onMissing }: { documentId: string; onMissing: () => void }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Entries name sections by id only: their titles are read from the live document, as the
  // document page reads them (a section removed since has none, and the log says so).
  const { collab, synced } = useOpenDocument(documentId, onMissing)
  const sections = useSections(collab?.doc ?? null)
  const sectionTitles = useMemo(
    () => (synced ? new Map(sections.map((section) => [section.id, section.title])) : null),
    [sections, synced],
  )
  const dateLocale = getLang() === 'en' ? 'en-GB' : 'sv-SE'

  useEffect(() => {
    api.getAudit(documentId).then(
      (result) => setEntries(result.entries),
      (failure: unknown) => setError(errorMessage(failure)),
    )
  }, [documentId])

  return (
    <main className="page" id="main">
      <p>
        <Link href={`/d/${encodeURIComponent(documentId)}`}>{t('auditBack')}</Link>
      </p>
      <h1>{t('auditTitle')}</h1>
      {error && <p role="alert">{error}</p>}
      {!entries && !error && <p role="status">{t('auditLoading')}</p>}
      {entries && (
        <table>
          <caption>{t('auditCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('auditColWhen')}</th>
              <th scope="col">{t('auditColWho')}</th>
              <th scope="col">{t('auditColEvent')}</th>
              <th scope="col">{t('auditColDetails')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{new Date(entry.at).toLocaleString(dateLocale)}</td>
                <td>{entry.actorName ?? t('auditUnknownActor')}</td>
                <td>{auditActionLabel(entry.action)}</td>
                <td>{auditDetailsText(entry.action, entry.details, sectionTitles)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  )
}
