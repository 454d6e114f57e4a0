import { t } from '../../app/i18n.ts'
import { kindLabel, versionLabel, versionTime } from './versionLabel.ts'
import type { VersionSummary } from './versionsApi.ts'

/** Versions newest first; each is a button that opens it read-only. */
export function VersionList({ versions, selectedId, onSelect }: { versions: VersionSummary[]; selectedId: string | undefined; onSelect: (version: VersionSummary) => void }) {
  if (versions.length === 0) return <p>{t('historyNone')}</p>
  return (
    <ol className="history-list" aria-label={t('historyListLabel')}>
      {versions.map((version) => (
        <li key={version.id}>
          <button type="button" className="history-list__item" aria-current={version.id === selectedId ? 'true' : undefined} onClick={() => onSelect(version)}>
            <span className="history-list__name">{versionLabel(version)}</span>
            <span className="history-list__meta">
              {kindLabel(version.kind)} · <time dateTime={version.createdAt}>{versionTime(version)}</time> · {t('historyBy', { name: version.createdByName ?? t('historyUnknownAuthor') })}
            </span>
          </button>
        </li>
      ))}
    </ol>
  )
}
