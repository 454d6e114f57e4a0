import { AuditPage } from '../features/audit/AuditPage.tsx'
import { DocumentPage } from '../features/documents/DocumentPage.tsx'
import { InvitationPage } from '../features/invitations/InvitationPage.tsx'
import { PrintPage } from '../features/print/PrintPage.tsx'
import { matchPrintRoute } from '../features/print/printRoute.ts'
import { MentionsPage } from '../features/mentions/MentionsPage.tsx'
import { MENTIONS_PATH } from '../features/mentions/mentionsPath.ts'
import { WorkspaceListPage } from '../features/workspaces/WorkspaceListPage.tsx'
import { WorkspacePage } from '../features/workspaces/WorkspacePage.tsx'
import { Link } from './Link.tsx'
import { t } from './i18n.ts'
import { useFocusOnNavigate } from './useFocusOnNavigate.ts'
import { matchRoute, usePath } from './useRoute.ts'

export function AppRoutes() {
  const path = usePath()
  useFocusOnNavigate(path)
  const printId = matchPrintRoute(path)
  if (printId) return <PrintPage key={printId} documentId={printId} />
  if (path === MENTIONS_PATH) return <MentionsPage />
  const route = matchRoute(path)
  switch (route.name) {
    case 'home':
      return <WorkspaceListPage />
    case 'workspace':
      return <WorkspacePage key={route.workspaceId} workspaceId={route.workspaceId} />
    case 'document':
      return <DocumentPage key={route.documentId} documentId={route.documentId} />
    case 'audit':
      return <AuditPage key={route.documentId} documentId={route.documentId} />
    case 'invitation':
      return <InvitationPage key={route.token} token={route.token} />
    case 'notFound':
      return (
        <main className="page" id="main">
          <h1>{t('notFound')}</h1>
          <p>
            <Link href="/">{t('toStart')}</Link>
          </p>
        </main>
      )
  }
}
