import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { fieldsPlacement, type SectionInfo } from '@samskriv/schema'
import { t } from '../../app/i18n.ts'
import type { CollabUser } from '../../collab/useCollabDoc.ts'
import { SectionEditor } from '../../editor/SectionEditor.tsx'
import { SectionFieldsForm } from '../fields/SectionFieldsForm.tsx'
import { CharCounter } from './CharCounter.tsx'
import { limitState } from './limitState.ts'
import type { Member } from '../../api/client.ts'
import { SectionLockControls } from './SectionLockControls.tsx'
import { SectionMetaControls } from './SectionMetaControls.tsx'
import { SectionStructureControls } from './SectionStructureControls.tsx'
import type { SectionLock } from './useLockedSections.ts'

interface SectionViewProps {
  section: SectionInfo
  /** The text's language when it is not Swedish (the ESF+ summary in English, WCAG 3.1.2). */
  lang?: 'en'
  doc: Y.Doc
  provider: WebsocketProvider
  user: CollabUser
  editable: boolean
  locked: boolean
  /** The lock's details, when the section is locked. */
  lock?: SectionLock
  /** Coordinators lock and unlock sections, and may still edit locked ones (the server allows it). */
  canLock?: boolean
  documentId?: string
  count: number
  onCount: (sectionId: string, count: number) => void
  /** Workspace members, for the owner select. */
  members?: readonly Member[]
  /** Coordinators and editors change the structure: title, order, removal of optional sections. */
  canEditStructure?: boolean
  previousId?: string
  nextId?: string
  onRemoved?: (title: string) => void
}

function formatTime(at: string): string {
  const date = new Date(at)
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' })
}

/** Announces lock changes that happen while the section is on screen (not the state it was loaded in). */
function useLockAnnouncement(title: string, lock: SectionLock | undefined): string {
  const [announcement, setAnnouncement] = useState('')
  const previous = useRef(lock)
  useEffect(() => {
    const before = previous.current
    previous.current = lock
    if (lock && (!before || before.at !== lock.at || before.by !== lock.by)) setAnnouncement(t('lockAnnounced', { title, name: lock.byName }))
    else if (!lock && before) setAnnouncement(t('unlockAnnounced', { title }))
  }, [lock, title])
  return announcement
}

export function SectionView({ section, lang, doc, provider, user, editable, locked, lock, canLock = false, documentId, count, onCount, members = [], canEditStructure = false, previousId, nextId, onRemoved }: SectionViewProps) {
  const headingId = `section-title-${section.id}`
  const state = limitState(count, section.charLimit)
  const isLocked = locked || lock !== undefined
  const announcement = useLockAnnouncement(section.title, lock)
  const lockTime = lock ? formatTime(lock.at) : ''
  const lockName = lock?.byName ?? ''
  // A locked section's entry is read-only for everyone but coordinators (the server refuses the rest).
  const canChangeEntry = canEditStructure && (!isLocked || canLock)
  const canWrite = editable && (!isLocked || canLock)
  const placement = fieldsPlacement(section)
  const fieldsForm = placement && <SectionFieldsForm doc={doc} section={section} editable={canWrite} locked={isLocked} />
  return (
    <section
      id={`section-${section.id}`}
      className={`section section--${state}${isLocked ? ' section--locked' : ''}`}
      aria-labelledby={headingId}
      data-section-key={section.key}
      data-limit-state={state}
    >
      <div className="section__head">
        {/* Focusable from script only: it takes focus when the section before it is removed. */}
        <h2 id={headingId} tabIndex={-1}>
          {section.title}
        </h2>
        {section.required && <span className="badge">{t('required')}</span>}
        {isLocked && !lock && <span className="badge badge--locked">{t('locked')}</span>}
        {lock && (
          <span
            className="badge badge--locked"
            role="note"
            data-testid="lock-badge"
            aria-label={
              lock.reason
                ? t('lockedLabelReason', { name: lockName, time: lockTime, reason: lock.reason })
                : t('lockedLabel', { name: lockName, time: lockTime })
            }
          >
            <span aria-hidden="true">🔒 </span>
            {lock.reason ? t('lockedByReason', { name: lockName, time: lockTime, reason: lock.reason }) : t('lockedBy', { name: lockName, time: lockTime })}
          </span>
        )}
        {canLock && documentId && <SectionLockControls documentId={documentId} sectionId={section.id} sectionTitle={section.title} locked={isLocked} />}
      </div>
      {canEditStructure && (
        <SectionStructureControls
          doc={doc}
          section={section}
          previousId={previousId}
          nextId={nextId}
          canRemove={canChangeEntry}
          onRemoved={(title) => onRemoved?.(title)}
        />
      )}
      <SectionMetaControls doc={doc} section={section} members={members} canEdit={canChangeEntry} canApprove={canLock} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {section.guidance && (
        <details className="guidance">
          <summary>{t('guidance')}</summary>
          <p>{section.guidance}</p>
        </details>
      )}
      {placement === 'before' && fieldsForm}
      <div lang={lang}>
        <SectionEditor
          doc={doc}
          provider={provider}
          sectionId={section.id}
          title={section.title}
          editable={canWrite}
          user={user}
          onCount={onCount}
        />
      </div>
      <CharCounter sectionKey={section.key} count={count} limit={section.charLimit} />
      {placement === 'after' && fieldsForm}
    </section>
  )
}
