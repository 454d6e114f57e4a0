import { useEffect, useRef } from 'react'
import { t } from '../../app/i18n.ts'
import { kindLabel, versionLabel, versionTime } from './versionLabel.ts'
import type { VersionSummary } from './versionsApi.ts'

interface VersionListProps {
  versions: VersionSummary[]
  selectedId: string | undefined
  onSelect: (version: VersionSummary) => void
  /** Whether the server has older versions than those listed. */
  hasOlder: boolean
  loadingOlder: boolean
  onLoadOlder: () => void
  /** A version to focus once it is listed: the first of a page just loaded. */
  focusVersionId: string | null
}

/** Versions newest first; each is a button that opens it read-only. Older ones load a page at a time. */
export function VersionList({ versions, selectedId, onSelect, hasOlder, loadingOlder, onLoadOlder, focusVersionId }: VersionListProps) {
  const listRef = useRef<HTMLOListElement>(null)
  useEffect(() => {
    if (!focusVersionId) return
    const button = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-version-id]') ?? [])].find((candidate) => candidate.dataset.versionId === focusVersionId)
    button?.focus()
  }, [focusVersionId])
  if (versions.length === 0) return <p>{t('historyNone')}</p>
  return (
    <>
      <ol className="history-list" aria-label={t('historyListLabel')} ref={listRef}>
        {versions.map((version) => (
          <li key={version.id}>
            <button
              type="button"
              className="history-list__item"
              data-version-id={version.id}
              aria-current={version.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(version)}
            >
              <span className="history-list__name">{versionLabel(version)}</span>
              <span className="history-list__meta">
                {kindLabel(version.kind)} · <time dateTime={version.createdAt}>{versionTime(version)}</time> · {t('historyBy', { name: version.createdByName ?? t('historyUnknownAuthor') })}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {hasOlder && (
        <button type="button" className="button button--secondary history-load-older" disabled={loadingOlder} onClick={onLoadOlder}>
          {loadingOlder ? t('historyLoadingOlder') : t('historyLoadOlder')}
        </button>
      )}
    </>
  )
}
