import { Fragment, useCallback, useMemo, useState } from 'react'
import { sectionLanguage } from '@samskriv/schema'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { Link } from '../../app/Link.tsx'
import { t } from '../../app/i18n.ts'
import { useAwarenessUsers } from '../../collab/useAwarenessUsers.ts'
import { CHECKS_HEADING_ID, ChecksPanel } from '../checks/ChecksPanel.tsx'
import { COMMENTS_HEADING_ID, CommentsPanel } from '../comments/CommentsPanel.tsx'
import { HistoryButton } from '../history/HistoryButton.tsx'
import { PlanPanel } from '../plan/PlanPanel.tsx'
import { printPath } from '../print/printRoute.ts'
import { AddSectionForm } from '../sections/AddSectionForm.tsx'
import { Outline } from '../sections/Outline.tsx'
import { SectionView } from '../sections/SectionView.tsx'
import { useLockedSections } from '../sections/useLockedSections.ts'
import { useMembers } from '../sections/useMembers.ts'
import { RestoreNotice } from '../history/RestoreNotice.tsx'
import { useSections } from '../sections/useSections.ts'
import { CollabFailureNotice } from './CollabFailureNotice.tsx'
import { ConnectionIndicator } from './ConnectionIndicator.tsx'
import { PresenceList } from './PresenceList.tsx'
import { ServerStatusNotice } from './ServerStatusNotice.tsx'
import { UnsavedTextNotice } from './UnsavedTextNotice.tsx'
import { DocumentMissing, useDocumentMissing } from './DocumentMissing.tsx'
import { useOpenDocument } from './useOpenDocument.ts'

/**
 * `/d/:id`. A document that does not exist, was deleted (also while open) or is not the user's
 * to see gets a page that says so, and its connection is closed instead of retrying.
 */
export function DocumentPage({ documentId }: { documentId: string }) {
  const [missing, handleMissing] = useDocumentMissing()
  if (missing) return <DocumentMissing />
  return <OpenDocument documentId={documentId} onMissing={handleMissing} />
}

function OpenDocument({ documentId, onMissing }: { documentId: string; onMissing: () => void }) {
  const { info, error, user, collab, status, synced, failure } = useOpenDocument(documentId, onMissing)
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map())
  const sections = useSections(collab?.doc ?? null)
  const locked = useLockedSections(collab?.doc ?? null)
  const present = useAwarenessUsers(collab?.provider ?? null)
  const presentUserIds = useMemo(() => present.flatMap((user) => (user.userId ? [user.userId] : [])), [present])
  // Someone present who is not in the member list is a newcomer: the owner select should offer them.
  const members = useMembers(info?.workspaceId, presentUserIds)
  const ownerNames = useMemo(() => new Map(members.map((member) => [member.userId, member.name])), [members])
  const [structureAnnouncement, setStructureAnnouncement] = useState('')
  const [openThreads, setOpenThreads] = useState(0)
  const handleAdded = useCallback((title: string) => setStructureAnnouncement(t('sectionAdded', { title })), [])
  const handleRemoved = useCallback((title: string) => setStructureAnnouncement(t('sectionRemoved', { title })), [])

  const handleCount = useCallback((sectionId: string, count: number) => {
    setCounts((current) => (current.get(sectionId) === count ? current : new Map(current).set(sectionId, count)))
  }, [])

  const handleReload = useCallback(() => {
    void (collab?.clearLocalCopy() ?? Promise.resolve()).finally(() => window.location.reload())
  }, [collab])

  const role = info?.role
  const planSectionId = sections.find((section) => section.kind === 'plan')?.id
  // Once the server has refused the connection nothing more can be saved: the document reads like
  // a viewer's until it is reloaded, so nobody types on into text that would be lost.
  const writingRole = failure ? 'viewer' : role
  // Analysts comment and sign off checks but do not write section text; the server enforces this too.
  const editable = writingRole === 'coordinator' || writingRole === 'editor'
  // The panels stand after every section; "Innehåll" links to them so nobody tabs through all the
  // sections to get there. The same condition shows the panels and their links.
  const panels = [
    {
      headingId: COMMENTS_HEADING_ID,
      label: openThreads === 0 ? t('outlineCommentsNone') : openThreads === 1 ? t('outlineCommentsOne') : t('outlineCommentsMany', { count: openThreads }),
    },
    { headingId: CHECKS_HEADING_ID, label: t('checksTitle') },
  ]

  return (
    <main className="page page--wide" id="main">
      <header className="doc-header">
        <div>
          {info && (
            <p>
              <Link href={`/w/${encodeURIComponent(info.workspaceId)}`}>{t('backToWorkspace')}</Link>
            </p>
          )}
          <h1>{info?.title ?? t('loading')}</h1>
          <p className="doc-export">
            {t('exportLabel')} <a href={`/api/documents/${encodeURIComponent(documentId)}/export?format=docx`} download>Word (.docx)</a>
            {' · '}
            <a href={`/api/documents/${encodeURIComponent(documentId)}/export?format=md`} download>{t('exportTextFile')}</a>
            {' · '}
            {planSectionId !== undefined ? (
              <a href={`/api/documents/${encodeURIComponent(documentId)}/export?format=docx&include=plan,checks`} download>{t('exportWithExtras')}</a>
            ) : (
              <a href={`/api/documents/${encodeURIComponent(documentId)}/export?format=docx&include=checks`} download>{t('exportWithChecks')}</a>
            )}
            {' · '}
            <Link href={printPath(documentId)}>{t('exportPrint')}</Link>
          </p>
        </div>
        <div className="doc-header__meta">
          <ConnectionIndicator status={status} />
          <HistoryButton documentId={documentId} role={role} locked={locked} />
          {role === 'coordinator' && <Link href={`/d/${encodeURIComponent(documentId)}/logg`}>{t('auditOpen')}</Link>}
          <PresenceList users={present} />
        </div>
      </header>
      <ErrorMessage message={error} />
      {failure && <CollabFailureNotice failure={failure} onReload={handleReload} />}
      <ServerStatusNotice provider={collab?.provider ?? null} />
      <UnsavedTextNotice documentId={documentId} doc={collab?.doc ?? null} synced={synced} />
      {collab && <RestoreNotice doc={collab.doc} userId={user.id} sections={sections} synced={synced} />}
      {role === 'viewer' && <p className="notice">{t('readOnly')}</p>}
      {collab && info && (
        <div className="doc-layout">
          <Outline sections={sections} counts={counts} ownerNames={ownerNames} locked={locked} panels={panels} />
          <div className="doc-sections">
            {sections.length === 0 && <p>{synced ? t('noSections') : t('syncing')}</p>}
            {sections.map((section, index) => (
              <Fragment key={section.id}>
                <SectionView
                  section={section}
                  lang={info ? sectionLanguage(info.template, section.key) : undefined}
                  doc={collab.doc}
                  provider={collab.provider}
                  user={user}
                  editable={editable}
                  locked={locked.has(section.id)}
                  lock={locked.get(section.id)}
                  canLock={role === 'coordinator'}
                  documentId={documentId}
                  count={counts.get(section.id) ?? 0}
                  onCount={handleCount}
                  members={members}
                  canEditStructure={editable}
                  previousId={sections[index - 1]?.id}
                  nextId={sections[index + 1]?.id}
                  onRemoved={handleRemoved}
                />
                {/* The plan is the plan section's content: it follows that section's text. */}
                {section.id === planSectionId && <PlanPanel doc={collab.doc} role={writingRole} members={members} sectionTitle={section.title} />}
              </Fragment>
            ))}
            {editable && <AddSectionForm doc={collab.doc} onAdded={handleAdded} />}
            <p className="visually-hidden" role="status" aria-live="polite">
              {structureAnnouncement}
            </p>
            <CommentsPanel doc={collab.doc} role={writingRole} sections={sections} onOpenCount={setOpenThreads} />
            <ChecksPanel doc={collab.doc} documentId={documentId} role={writingRole} userId={user.id} />
          </div>
        </div>
      )}
    </main>
  )
}
