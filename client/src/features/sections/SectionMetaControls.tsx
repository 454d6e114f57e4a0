import { useEffect, useId, useState } from 'react'
import type * as Y from 'yjs'
import { SECTION_STATUSES } from '@samskriv/schema'
import type { SectionInfo, SectionStatus } from '@samskriv/schema'
import type { Member } from '../../api/client.ts'
import { LengthLimit, usePasteLimit } from '../../app/LengthLimit.tsx'
import { t } from '../../app/i18n.ts'
import { setSectionField } from './sectionOps.ts'
import { statusLabel } from './statusLabel.ts'

interface SectionMetaControlsProps {
  doc: Y.Doc
  section: SectionInfo
  members: readonly Member[]
  /** Coordinators and editors change status, owner and title; others see them read-only. */
  canEdit: boolean
  /** Only coordinators approve ("Godkänd"); the server refuses it from editors. */
  canApprove: boolean
}

/** Status, owner and (for editors) the section's title, written into the section's entry. */
/** A section title's limit (the server's too). */
const TITLE_MAX = 200

export function SectionMetaControls({ doc, section, members, canEdit, canApprove }: SectionMetaControlsProps) {
  const statusId = useId()
  const ownerId = useId()
  const titleId = useId()
  const [title, setTitle] = useState(section.title)
  useEffect(() => setTitle(section.title), [section.title])

  const commitTitle = () => {
    const trimmed = title.trim()
    if (trimmed && trimmed !== section.title) setSectionField(doc, section.id, 'title', trimmed)
    else setTitle(section.title)
  }
  const ownerKnown = section.owner === null || members.some((member) => member.userId === section.owner)
  // The one who answers for a section writes it: coordinators and editors (and whoever already is owner).
  const owners = members.filter((member) => member.role === 'coordinator' || member.role === 'editor' || member.userId === section.owner)
  // Every section has these fields: named with the section's title they tell apart in a screen
  // reader's list of fields; the visible label comes first (WCAG 2.5.3).
  const named = (label: string) => t('sectionControlLabel', { label, title: section.title })
  const titleLimitId = useId()
  const titlePaste = usePasteLimit(TITLE_MAX)

  return (
    <div className="section-meta">
      {canEdit && (
        <div className="section-meta__field">
          <label htmlFor={titleId}>{t('sectionTitleInput')}</label>
          <input
            id={titleId}
            aria-label={named(t('sectionTitleInput'))}
            type="text"
            maxLength={TITLE_MAX}
            aria-describedby={titleLimitId}
            onPaste={titlePaste.onPaste}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            onBlur={commitTitle}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault()
                commitTitle()
              } else if (event.key === 'Escape') setTitle(section.title)
            }}
          />
          <LengthLimit id={titleLimitId} length={title.length} max={TITLE_MAX} cut={titlePaste.cut} />
        </div>
      )}
      <div className="section-meta__field">
        <label htmlFor={statusId}>{t('status')}</label>
        <select
          id={statusId}
          aria-label={named(t('status'))}
          value={section.status}
          disabled={!canEdit}
          data-testid={`status-${section.key}`}
          onChange={(event) => setSectionField(doc, section.id, 'status', event.target.value as SectionStatus)}
        >
          {SECTION_STATUSES.map((status) => (
            <option key={status} value={status} disabled={status === 'godkand' && !canApprove}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div className="section-meta__field">
        <label htmlFor={ownerId}>{t('owner')}</label>
        <select
          id={ownerId}
          aria-label={named(t('owner'))}
          value={section.owner ?? ''}
          disabled={!canEdit}
          onChange={(event) => setSectionField(doc, section.id, 'owner', event.target.value || null)}
        >
          <option value="">{t('noOwner')}</option>
          {owners.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.name}
            </option>
          ))}
          {!ownerKnown && section.owner && <option value={section.owner}>{t('unknownOwner')}</option>}
        </select>
      </div>
    </div>
  )
}
