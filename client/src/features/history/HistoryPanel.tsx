import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Role } from '@samskriv/schema'
import { errorMessage } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { t } from '../../app/i18n.ts'
import { RestoreButton } from './RestoreButton.tsx'
import { restoreState } from './restoreState.ts'
import { SaveVersionForm } from './SaveVersionForm.tsx'
import { VersionContentView } from './VersionContentView.tsx'
import { VersionDiffView } from './VersionDiffView.tsx'
import { CompareWith } from './CompareWith.tsx'
import { VersionList } from './VersionList.tsx'
import { templateTraits } from './templateTraits.ts'
import { useBelowAppHeader } from './useBelowAppHeader.ts'
import { useDocumentTemplate } from './useDocumentTemplate.ts'
import { versionLabel, versionTime } from './versionLabel.ts'
import { appendPage } from './versionPages.ts'
import { versionsApi, type SectionDiff, type VersionContent, type VersionDiff, type VersionSummary } from './versionsApi.ts'

/** Versions per request: enough to scroll through, small enough to load quickly on long-lived documents. */
const PAGE_SIZE = 50

/** A version's label by id, or "the current text" for `current`. */
function labelOf(versions: VersionSummary[], id: string): string {
  const version = versions.find((candidate) => candidate.id === id)
  return version ? `${versionLabel(version)} (${versionTime(version)})` : t('historyCurrentText')
}

export interface HistoryPanelProps {
  documentId: string
  role: Role | undefined
  /** Sections locked right now: only a coordinator may restore them. */
  locked: { has(sectionId: string): boolean }
  onClose: () => void
}

/** The document's versions: list, read one, compare it with the current text, restore it. */
export function HistoryPanel({ documentId, role, locked, onClose }: HistoryPanelProps) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null)
  /** Where the next, older page starts; null when the list is complete. */
  const [nextBefore, setNextBefore] = useState<string | null>(null)
  const [loadingOlder, setLoadingOlder] = useState(false)
  const [focusVersionId, setFocusVersionId] = useState<string | null>(null)
  const [selected, setSelected] = useState<VersionContent | null>(null)
  /** The selected version's sections compared with the current text: where a restore would change something. */
  const [comparison, setComparison] = useState<SectionDiff[] | undefined>()
  const [diff, setDiff] = useState<VersionDiff | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  /** Where keyboard focus goes once a restore has started or ended (a new object each time). */
  const [focusRequest, setFocusRequest] = useState<{ target: 'status' | 'error' } | null>(null)
  const titleRef = useRef<HTMLHeadingElement>(null)
  const panelRef = useRef<HTMLElement>(null)
  useBelowAppHeader(panelRef)
  const versionTitleRef = useRef<HTMLHeadingElement>(null)
  const statusRef = useRef<HTMLParagraphElement>(null)
  const errorRef = useRef<HTMLDivElement>(null)
  const canRestore = role === 'coordinator' || role === 'editor'
  const template = useDocumentTemplate(documentId)
  const traits = useMemo(() => templateTraits(template), [template])

  // Back to the newest page: after a save or restore the newest versions are what changed.
  const reload = useCallback(async () => {
    try {
      const page = await versionsApi.list(documentId, { limit: PAGE_SIZE })
      setVersions(page.versions)
      setNextBefore(page.nextBefore)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }, [documentId])

  const loadOlder = useCallback(async () => {
    if (!versions || !nextBefore) return
    setLoadingOlder(true)
    setError(null)
    try {
      const page = await versionsApi.list(documentId, { limit: PAGE_SIZE, before: nextBefore })
      const { versions: all, added } = appendPage(versions, page)
      setVersions(all)
      setNextBefore(page.nextBefore)
      // Keyboard users continue where the new versions start, not at a button that may be gone.
      setFocusVersionId(added[0]?.id ?? null)
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setLoadingOlder(false)
    }
  }, [documentId, nextBefore, versions])

  useEffect(() => {
    titleRef.current?.focus()
    void reload()
  }, [reload])

  useEffect(() => {
    if (selected) versionTitleRef.current?.focus()
  }, [selected])

  useEffect(() => {
    if (focusRequest) (focusRequest.target === 'status' ? statusRef : errorRef).current?.focus()
  }, [focusRequest])

  /** The comparison with the current text, or undefined when it cannot be had (then every section offers a restore). */
  const compareWithCurrent = useCallback(
    (versionId: string) =>
      versionsApi.diff(documentId, versionId, 'current').then(
        (result) => result.sections,
        () => undefined,
      ),
    [documentId],
  )

  const handleSelect = useCallback(
    async (version: VersionSummary) => {
      setError(null)
      setDiff(null)
      try {
        // Together, so the version never shows restore buttons that the comparison then takes away.
        const [content, sections] = await Promise.all([versionsApi.get(documentId, version.id), compareWithCurrent(version.id)])
        setComparison(sections)
        setSelected(content)
      } catch (caught) {
        setError(errorMessage(caught))
      }
    },
    [compareWithCurrent, documentId],
  )

  const handleCompare = useCallback(
    async (against = 'current') => {
      if (!selected) return
      setError(null)
      try {
        setDiff(await versionsApi.diff(documentId, selected.id, against))
      } catch (caught) {
        setError(errorMessage(caught))
      }
    },
    [documentId, selected],
  )

  const handleRestore = useCallback(
    async (sectionId?: string) => {
      if (!selected) return
      setBusy(true)
      setError(null)
      // The confirm step is gone and the restore buttons are disabled meanwhile: focus waits on the
      // message that will say how it went, so a keyboard user is not left on the page's body.
      setAnnouncement(t('historyRestoring'))
      setFocusRequest({ target: 'status' })
      let restored = false
      try {
        const result = await versionsApi.restore(documentId, selected.id, sectionId)
        restored = true
        setAnnouncement(result.restored.length === 0 ? t('historyNothingToRestore') : t('historyRestored', { count: result.restored.length }))
        setComparison(await compareWithCurrent(selected.id))
        if (diff) setDiff(await versionsApi.diff(documentId, selected.id, diff.to.id === selected.id ? diff.from.id : diff.to.id))
        await reload()
      } catch (caught) {
        // "Återställer…" no longer holds; a result already announced still does.
        if (!restored) setAnnouncement('')
        setError(errorMessage(caught))
        setFocusRequest({ target: 'error' })
      } finally {
        setBusy(false)
      }
    },
    [compareWithCurrent, diff, documentId, reload, selected],
  )

  const handleSaved = useCallback(
    (version: VersionSummary) => {
      // An earlier failure is over once the server has taken a new version.
      setError(null)
      setAnnouncement(t('historySaved', { name: version.name ?? '' }))
      void reload()
    },
    [reload],
  )

  // Versions hold the plan section's text, never its activities (the `plan` root): say so where it shows.
  const planNote = (section: { title: string }) => (traits.traitsOf(section.title).plan ? <p className="history-note">{t('historyPlanNotRestored')}</p> : null)

  const sectionRestore = (section: { id: string; title: string }) => {
    if (!canRestore || !selected) return null
    if (locked.has(section.id) && role !== 'coordinator') return <p className="history-muted">{t('historyLockedSection')}</p>
    const state = restoreState(section.id, comparison)
    if (state === 'unchanged') return <p className="history-muted">{t('historySectionUnchanged')}</p>
    if (state === 'gone') return <p className="history-muted">{t('historySectionGone')}</p>
    const question = t('historyConfirmSection', { title: section.title, time: versionTime(selected) })
    return (
      <RestoreButton
        label={t('historyRestoreSection')}
        ariaLabel={t('historyRestoreSectionLabel', { title: section.title })}
        question={traits.traitsOf(section.title).plan ? `${question} ${t('historyPlanNotRestored')}` : question}
        busy={busy}
        onConfirm={() => void handleRestore(section.id)}
      />
    )
  }

  return (
    <section
      ref={panelRef}
      className="history-panel"
      id="history-panel"
      aria-labelledby="history-panel-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <div className="history-panel__head">
        <h2 id="history-panel-title" tabIndex={-1} ref={titleRef}>
          {t('historyTitle')}
        </h2>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('historyClose')}
        </button>
      </div>
      <p className="history-muted">{t('historyIntro')}</p>
      {/* Visible and focusable: focus rests here while a restore runs and after it. */}
      <p className="history-status" role="status" aria-live="polite" tabIndex={-1} ref={statusRef}>
        {announcement}
      </p>
      <div className="history-error" tabIndex={-1} ref={errorRef}>
        <ErrorMessage message={error} />
      </div>
      {role === 'coordinator' && <SaveVersionForm documentId={documentId} onSaved={handleSaved} />}
      {versions === null ? <p>{t('loading')}</p> : (
        <VersionList
          versions={versions}
          selectedId={selected?.id}
          onSelect={(version) => void handleSelect(version)}
          hasOlder={nextBefore !== null}
          loadingOlder={loadingOlder}
          onLoadOlder={() => void loadOlder()}
          focusVersionId={focusVersionId}
        />
      )}
      {selected && (
        <div className="history-version">
          <h3 tabIndex={-1} ref={versionTitleRef}>
            {t('historyViewing', { label: versionLabel(selected), time: versionTime(selected) })}
          </h3>
          <p className="history-muted">{t('historyReadOnly')}</p>
          <div className="history-actions">
            {diff && (
              <button type="button" className="button button--secondary" onClick={() => setDiff(null)}>
                {t('historyShowContent')}
              </button>
            )}
            {canRestore && (
              <RestoreButton
                label={t('historyRestoreDocument')}
                question={
                  traits.hasPlan
                    ? `${t('historyConfirmDocument', { time: versionTime(selected) })} ${t('historyPlanNotRestored')}`
                    : t('historyConfirmDocument', { time: versionTime(selected) })
                }
                busy={busy}
                onConfirm={() => void handleRestore()}
              />
            )}
          </div>
          <CompareWith versions={versions ?? []} selectedId={selected.id} onCompare={(against) => void handleCompare(against)} />
          {diff ? (
            <VersionDiffView
              diff={diff}
              labelOf={(id) => labelOf(versions ?? [], id)}
              note={planNote}
              // Restoring sets the current text to the selected version: offered where the diff is against the current text.
              actions={(section) => (diff.to.id === 'current' && section.change === 'changed' ? sectionRestore(section) : null)}
            />
          ) : (
            <VersionContentView sections={selected.sections} note={planNote} actions={sectionRestore} />
          )}
        </div>
      )}
    </section>
  )
}
