import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../../api/client.ts'
import type { DocumentSummary, WorkspaceDetails } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { Link } from '../../app/Link.tsx'
import { t } from '../../app/i18n.ts'
import { navigate } from '../../app/useRoute.ts'
import { CreateDocumentForm } from '../documents/CreateDocumentForm.tsx'
import { DocumentList } from '../documents/DocumentList.tsx'
import { MembersPanel } from './MembersPanel.tsx'
import { roleName } from '../../app/roleName.ts'

export function WorkspacePage({ workspaceId }: { workspaceId: string }) {
  const [workspace, setWorkspace] = useState<WorkspaceDetails | null>(null)
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const loadWorkspace = useCallback(() => {
    api
      .getWorkspace(workspaceId)
      .then(setWorkspace)
      .catch((caught: unknown) => setError(errorMessage(caught)))
  }, [workspaceId])

  useEffect(() => {
    loadWorkspace()
    const loadDocuments = () =>
      api
        .listDocuments(workspaceId)
        .then((result) => setDocuments(result.documents))
        .catch((caught: unknown) => setError(errorMessage(caught)))
    void loadDocuments()
    // "Who is in it now" goes stale quickly; a slow poll keeps it honest without a socket.
    const timer = window.setInterval(() => void loadDocuments(), 15_000)
    return () => window.clearInterval(timer)
  }, [workspaceId, loadWorkspace])

  const canCreate = workspace !== null && (workspace.role === 'coordinator' || workspace.role === 'editor')

  return (
    <main className="page" id="main">
      <p>
        <Link href="/">{t('backToWorkspaces')}</Link>
      </p>
      <h1>{workspace?.name ?? t('loading')}</h1>
      {workspace && <p className="muted">{t('yourRole', { role: roleName(workspace.role) })}</p>}
      <ErrorMessage message={error} />
      <div className="columns">
        <div className="stack">
          <section aria-labelledby="documents-title">
            <h2 id="documents-title">{t('documentsTitle')}</h2>
            {documents === null ? <p>{t('loading')}</p> : <DocumentList documents={documents} />}
          </section>
          {canCreate && (
            <CreateDocumentForm
              workspaceId={workspaceId}
              onCreated={(created) => navigate(`/d/${encodeURIComponent(created.id)}`)}
            />
          )}
        </div>
        {workspace && <MembersPanel workspace={workspace} onChanged={loadWorkspace} />}
      </div>
    </main>
  )
}
