import { isTemplateId } from '@samskriv/schema'
import type { DocumentSummary } from '../../api/client.ts'
import { Link } from '../../app/Link.tsx'
import { t } from '../../app/i18n.ts'
import { templateName } from './templateName.ts'
import './DocumentList.css'

function parseDate(value: string | number): Date | null {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

function UpdatedAt({ value }: { value: string | number }) {
  const date = parseDate(value)
  return date ? <time dateTime={date.toISOString()}>{date.toLocaleString('sv-SE')}</time> : null
}

export function DocumentList({ documents }: { documents: DocumentSummary[] }) {
  if (documents.length === 0) return <p>{t('noDocuments')}</p>
  return (
    <table className="table document-list">
      <thead>
        <tr>
          <th scope="col">{t('colTitle')}</th>
          <th scope="col">{t('colTemplate')}</th>
          <th scope="col">{t('colUpdated')}</th>
          <th scope="col">{t('colActive')}</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((document) => (
          <tr key={document.id}>
            <td>
              <Link href={`/d/${encodeURIComponent(document.id)}`}>{document.title}</Link>
            </td>
            <td>{isTemplateId(document.template) ? templateName(document.template) : document.template}</td>
            <td>
              <UpdatedAt value={document.updatedAt} />
            </td>
            <td>{document.activeUsers.length > 0 ? document.activeUsers.map((user) => user.name).join(', ') : t('nobody')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
