import type { ReactNode } from 'react'
import { t } from '../../app/i18n.ts'
import type { DiffOp, SectionDiff, VersionDiff } from './versionsApi.ts'

function Op({ op }: { op: DiffOp }) {
  // Screen readers do not announce <ins>/<del>, so each change also says what it is.
  if (op.type === 'insert') {
    return (
      <ins>
        <span className="visually-hidden">{op.authors ? t('historyInsertedBy', { names: op.authors.join(', ') }) : t('historyInserted')} </span>
        {op.text}
      </ins>
    )
  }
  if (op.type === 'delete') {
    return (
      <del>
        <span className="visually-hidden">{t('historyDeleted')} </span>
        {op.text}
      </del>
    )
  }
  return <>{op.text}</>
}

const CHANGE_KEYS = { added: 'historyAddedSection', removed: 'historyRemovedSection' } as const

interface VersionDiffViewProps {
  diff: VersionDiff
  labelOf: (id: string) => string
  /** What to say about a section under its title (that the time plan is not in versions). */
  note?: (section: SectionDiff) => ReactNode
  /** Controls per section (restore). */
  actions?: (section: SectionDiff) => ReactNode
}

/** Per section, what changed between two versions: insertions and deletions marked in the text. */
export function VersionDiffView({ diff, labelOf, note, actions }: VersionDiffViewProps) {
  const changed = diff.sections.filter((section) => section.change !== 'unchanged')
  const unchanged = diff.sections.length - changed.length
  return (
    <div className="history-diff">
      <p>
        <strong>{t('historyDiffTitle', { from: labelOf(diff.from.id), to: labelOf(diff.to.id) })}</strong>
      </p>
      <p className="history-muted">{diff.editors.length > 0 ? t('historyEditors', { names: diff.editors.join(', ') }) : t('historyEditorsUnknown')}</p>
      {changed.length === 0 && <p>{t('historyNoChanges')}</p>}
      {changed.map((section) => (
        <section key={section.id} className="history-section" aria-label={section.title}>
          <h4>
            {section.title}
            {(section.change === 'added' || section.change === 'removed') && <span className="history-badge"> {t(CHANGE_KEYS[section.change])}</span>}
          </h4>
          {note?.(section)}
          {section.previousTitle !== undefined && <p className="history-muted">{t('historyRenamed', { title: section.previousTitle })}</p>}
          {section.fieldsChanged && <p className="history-muted">{t('historyFieldsChanged')}</p>}
          {section.authors && <p className="history-muted">{t('historySectionAuthors', { names: section.authors.join(', ') })}</p>}
          <p className="history-diff__text">
            {section.ops.map((op, index) => (
              <Op key={index} op={op} />
            ))}
          </p>
          {actions?.(section)}
        </section>
      ))}
      {unchanged > 0 && <p className="history-muted">{t('historyUnchangedCount', { count: unchanged })}</p>}
    </div>
  )
}
