import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { SectionInfo } from '@samskriv/schema'
import { t } from '../../app/i18n.ts'
import type { CollabUser } from '../../collab/useCollabDoc.ts'
import { SectionEditor } from '../../editor/SectionEditor.tsx'
import { CharCounter } from './CharCounter.tsx'
import { limitState } from './limitState.ts'

interface SectionViewProps {
  section: SectionInfo
  doc: Y.Doc
  provider: WebsocketProvider
  user: CollabUser
  editable: boolean
  locked: boolean
  count: number
  onCount: (sectionId: string, count: number) => void
}

export function SectionView({ section, doc, provider, user, editable, locked, count, onCount }: SectionViewProps) {
  const headingId = `section-title-${section.id}`
  const state = limitState(count, section.charLimit)
  return (
    <section
      id={`section-${section.id}`}
      className={`section section--${state}${locked ? ' section--locked' : ''}`}
      aria-labelledby={headingId}
      data-section-key={section.key}
      data-limit-state={state}
    >
      <div className="section__head">
        <h2 id={headingId}>{section.title}</h2>
        {section.required && <span className="badge">{t('required')}</span>}
        {locked && <span className="badge badge--locked">{t('locked')}</span>}
      </div>
      {section.guidance && (
        <details className="guidance">
          <summary>{t('guidance')}</summary>
          <p>{section.guidance}</p>
        </details>
      )}
      <SectionEditor
        doc={doc}
        provider={provider}
        sectionId={section.id}
        title={section.title}
        editable={editable && !locked}
        user={user}
        onCount={onCount}
      />
      <CharCounter sectionKey={section.key} count={count} limit={section.charLimit} />
    </section>
  )
}
