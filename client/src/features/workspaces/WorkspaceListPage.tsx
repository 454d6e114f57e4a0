import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../../api/client.ts'
import type { Workspace } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { Link } from '../../app/Link.tsx'
import { t } from '../../app/i18n.ts'
import { navigate } from '../../app/useRoute.ts'
import { CreateWorkspaceForm } from './CreateWorkspaceForm.tsx'
import { roleName } from '../../app/roleName.ts'

export function WorkspaceListPage() {
  const [workspaces, setWorkspaces] = useState<Workspace[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(() => {
    api
      .listWorkspaces()
      .then((result) => setWorkspaces(result.workspaces))
      .catch((caught: unknown) => setError(errorMessage(caught)))
  }, [])

  useEffect(load, [load])

  return (
    <main className="page" id="main">
      <h1>{t('workspacesTitle')}</h1>
      <ErrorMessage message={error} />
      {workspaces === null ? (
        <p>{t('loading')}</p>
      ) : workspaces.length === 0 ? (
        <p>{t('noWorkspaces')}</p>
      ) : (
        <ul className="card-list">
          {workspaces.map((workspace) => (
            <li key={workspace.id} className="card">
              <Link href={`/w/${encodeURIComponent(workspace.id)}`}>{workspace.name}</Link>
              <span className="muted">
                {' '}
                · {t('yourRole', { role: roleName(workspace.role) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {/* A new workspace is empty: its page is where the next step (a document, members) is taken. */}
      <CreateWorkspaceForm
        onCreated={(workspace) => navigate(`/w/${encodeURIComponent(workspace.id)}`)}
      />
    </main>
  )
}
