import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { CheckItemResult } from '@samskriv/checks'
import { Root, type Role } from '@samskriv/schema'
import { downloadChecksMarkdown, errorMessage, runDocumentChecks, type ChecksResponse } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { t } from '../../app/i18n.ts'
import { templateName } from '../documents/templateName.ts'
import { CheckItemView } from './CheckItemView.tsx'
import { downloadFileName } from '../../app/downloadFileName.ts'
import { keepReport, readKeptReport } from './keptReport.ts'
import { sectionHashes, sectionsChanged, type SectionHash } from './sectionHashes.ts'
import { statusText, verdictText } from './statusText.ts'
import { useSectionHashes } from './useSectionHashes.ts'
import { staleItemIds, withLiveStaleness } from './withLiveStaleness.ts'
import { withdrawSignOff } from './withdrawSignOff.ts'
import { writeSignOff } from './writeSignOff.ts'
import './checks.css'

/** The panel's heading: the outline's link to the panel moves focus here. */
export const CHECKS_HEADING_ID = 'checks-panel-title'

const SYNC_ATTEMPTS = 10
const SYNC_DELAY_MS = 300

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const itemIn = (result: ChecksResponse, id: string) =>
  result.groups.flatMap((group) => group.items).find((candidate) => candidate.id === id)

/** The horizontal-principles checks: run them, read the result per principle, sign off manual items. */
export function ChecksPanel({ doc, documentId, role, userId }: { doc: Y.Doc; documentId: string; role: Role | undefined; userId: string }) {
  // A reload (switching the language) shows the tab's last report again, read against the live text.
  const [kept] = useState(() => readKeptReport(documentId))
  const [report, setReport] = useState<ChecksResponse | null>(kept?.report ?? null)
  // The sections as they were when the report on screen was asked for.
  const [ranOn, setRanOn] = useState<ReadonlyMap<string, SectionHash> | null>(kept?.ranOn ?? null)
  const [running, setRunning] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const [error, setError] = useState<string | null>(null)
  const canSignOff = role === 'coordinator' || role === 'analyst'

  const run = useCallback(
    async (until?: (result: ChecksResponse) => boolean, done?: (result: ChecksResponse) => string) => {
      setRunning(true)
      setError(null)
      setAnnouncement(t('checksRunning'))
      try {
        const sections = sectionHashes(doc)
        let result = await runDocumentChecks(documentId)
        // A fresh sign-off travels over the websocket; re-run until the server has it (bounded).
        for (let attempt = 1; until && !until(result) && attempt < SYNC_ATTEMPTS; attempt++) {
          await wait(SYNC_DELAY_MS)
          result = await runDocumentChecks(documentId)
        }
        setReport(result)
        setRanOn(sections)
        keepReport(documentId, { report: result, ranOn: sections })
        setAnnouncement(done ? done(result) : t('checksRunDone', { verdict: verdictText(result.verdict) }))
      } catch (caught) {
        setError(errorMessage(caught))
        setAnnouncement('')
      } finally {
        setRunning(false)
      }
    },
    [doc, documentId],
  )

  // The report is the server's, as of its run; what the text does since shows at once: a
  // sign-off whose section changed reads as stale (the next run would say so), and a note says
  // the rest of the report may be out of date too.
  const live = useSectionHashes(doc, report !== null)
  const shownReport = useMemo(() => (report && live ? withLiveStaleness(report, live, userId) : report), [report, live, userId])
  const outdated = ranOn !== null && live !== null && sectionsChanged(ranOn, live)

  // An item turning stale is said once in the status line (not at every keystroke: only the
  // items that were not stale on screen before).
  const staleShown = useRef<{ report: ChecksResponse | null; ids: Set<string> }>({ report: null, ids: new Set() })
  useEffect(() => {
    const ids = shownReport ? staleItemIds(shownReport) : new Set<string>()
    const before = staleShown.current
    staleShown.current = { report, ids }
    // A new run announces its own outcome.
    if (before.report !== report) return
    const fresh = [...ids].filter((id) => !before.ids.has(id))
    if (fresh.length > 0) setAnnouncement(t('checksBecameStale', { ids: fresh.join(', ') }))
  }, [report, shownReport])

  // Someone else signs off or withdraws (it arrives over the connection, already on the server):
  // a report on screen is run again, so nobody reads a stale one.
  const shown = report !== null
  useEffect(() => {
    if (!shown) return
    const checks = doc.getMap(Root.checks)
    let timer: ReturnType<typeof setTimeout> | undefined
    const onChange = (_events: unknown, transaction: Y.Transaction) => {
      if (transaction.local) return
      clearTimeout(timer)
      timer = setTimeout(() => void run(), 300)
    }
    checks.observeDeep(onChange)
    return () => {
      checks.unobserveDeep(onChange)
      clearTimeout(timer)
    }
  }, [doc, run, shown])

  // The buttons stay focusable while the checks run (aria-disabled, not disabled): a disabled
  // button drops a keyboard user's focus on <body>. The status line announces the outcome.
  const sign = useCallback(
    (item: CheckItemResult, status: 'pass' | 'warn' | 'fail', note: string) => {
      if (running) return
      const at = writeSignOff(doc, { itemId: item.id, sectionId: item.sectionId, status, note, userId })
      void run(
        (result) => itemIn(result, item.id)?.signOff?.at === at,
        (result) => t('checksSignedItem', { id: item.id, status: statusText(itemIn(result, item.id)?.status ?? status) }),
      )
    },
    [doc, run, running, userId],
  )

  const withdraw = useCallback(
    (item: CheckItemResult) => {
      if (running) return
      withdrawSignOff(doc, item.id)
      void run(
        (result) => !itemIn(result, item.id)?.signOff,
        () => t('checksWithdrawnItem', { id: item.id }),
      )
    },
    [doc, run, running],
  )

  const download = useCallback(async () => {
    setError(null)
    try {
      const blob = await downloadChecksMarkdown(documentId)
      const url = URL.createObjectURL(blob)
      const link = document.createElement('a')
      link.href = url
      link.download = downloadFileName(doc.getMap<unknown>(Root.meta).get('title') as string | undefined, `${t('checksReportFile')}.md`)
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 0)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }, [doc, documentId])

  return (
    <section className="section checks-panel" aria-labelledby={CHECKS_HEADING_ID}>
      {/* Focusable from script only: the outline's link to the panel lands here. */}
      <h2 id={CHECKS_HEADING_ID} tabIndex={-1}>
        {t('checksTitle')}
      </h2>
      <div className="checks-actions">
        <button type="button" className="button" onClick={() => {
            if (!running) void run()
          }} aria-disabled={running || undefined}>
          {t('checksRun')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void download()}>
          {t('checksDownload')}
        </button>
      </div>
      <p role="status" aria-live="polite" className="checks-progress">
        {running ? t('checksRunning') : announcement}
      </p>
      <ErrorMessage message={error} />
      {shownReport && (
        <>
          <p className={`checks-verdict checks-verdict--${shownReport.verdict}`} data-testid="checks-verdict">
            {t('checksOverall')} <strong>{verdictText(shownReport.verdict)}</strong>
          </p>
          {outdated && (
            <p className="checks-outdated" data-testid="checks-outdated">
              {t('checksOutdated')}
            </p>
          )}
          <p className="muted">
            {t('checksChecklistOf', { template: templateName(shownReport.templateId), version: shownReport.checklistVersion })}
          </p>
          {shownReport.groups.map((group) => (
            <section key={group.principle} className="checks-group" aria-labelledby={`checks-group-${group.principle}`}>
              <h3 id={`checks-group-${group.principle}`}>{group.title}</h3>
              {group.items.length === 0 ? (
                <p className="muted">{t('checksNoItems')}</p>
              ) : (
                <ul className="checks-items">
                  {group.items.map((item) => (
                    <CheckItemView key={item.id} item={item} canSignOff={canSignOff} busy={running} onSign={sign} onWithdraw={withdraw} />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </>
      )}
    </section>
  )
}
