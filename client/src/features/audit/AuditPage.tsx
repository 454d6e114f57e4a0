import { useEffect, useState } from 'react'
import { api, errorMessage, type AuditEntry } from '../../api/client.ts'
import { Link } from '../../app/Link.tsx'
import { auditActionLabel } from './auditActionLabel.ts'
import { auditDetailsText } from './auditDetailsText.ts'

/** The document's audit log (coordinators only; the server answers 403 to others). */
export function AuditPage({ documentId }: { documentId: string }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    api.getAudit(documentId).then(
      (result) => setEntries(result.entries),
      (failure: unknown) => setError(errorMessage(failure)),
    )
  }, [documentId])

  return (
    <main className="page" id="main">
      <p>
        <Link href={`/d/${encodeURIComponent(documentId)}`}>Tillbaka till dokumentet</Link>
      </p>
      <h1>Händelselogg</h1>
      {error && <p role="alert">{error}</p>}
      {!entries && !error && <p role="status">Hämtar loggen…</p>}
      {entries && (
        <table>
          <caption>Låsningar, roller och medlemskap, senaste först</caption>
          <thead>
            <tr>
              <th scope="col">När</th>
              <th scope="col">Vem</th>
              <th scope="col">Händelse</th>
              <th scope="col">Detaljer</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{new Date(entry.at).toLocaleString('sv-SE')}</td>
                <td>{entry.actorName ?? 'Okänd'}</td>
                <td>{auditActionLabel(entry.action)}</td>
                <td>{auditDetailsText(entry.action, entry.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  )
}
