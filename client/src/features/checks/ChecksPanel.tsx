import { useCallback, useState } from 'react'
import type * as Y from 'yjs'
import type { CheckItemResult } from '@samskriv/checks'
import type { Role } from '@samskriv/schema'
import { downloadChecksMarkdown, errorMessage, runDocumentChecks, type ChecksResponse } from '../../api/client.ts'
import { ErrorMessage } from '../../app/ErrorMessage.tsx'
import { t } from '../../app/i18n.ts'
import { CheckItemView } from './CheckItemView.tsx'
import { verdictText } from './statusText.ts'
import { writeSignOff } from './writeSignOff.ts'
import './checks.css'

const SYNC_ATTEMPTS = 10
const SYNC_DELAY_MS = 300

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The horizontal-principles checks: run them, read the result per principle, sign off manual items. */
export function ChecksPanel({ doc, documentId, role, userId }: { doc: Y.Doc; documentId: string; role: Role | undefined; userId: string }) {
  const [report, setReport] = useState<ChecksResponse | null>(null)
  const [running, setRunning] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const [error, setError] = useState<string | null>(null)
  const canSignOff = role === 'coordinator' || role === 'analyst'

  const run = useCallback(
    async (until?: (result: ChecksResponse) => boolean) => {
      setRunning(true)
      setError(null)
      setAnnouncement(t('checksRunning'))
      try {
        let result = await runDocumentChecks(documentId)
        // A fresh sign-off travels over the websocket; re-run until the server has it (bounded).
        for (let attempt = 1; until && !until(result) && attempt < SYNC_ATTEMPTS; attempt++) {
          await wait(SYNC_DELAY_MS)
          result = await runDocumentChecks(documentId)
        }
        setReport(result)
        setAnnouncement(t('checksDone', { verdict: verdictText(result.verdict) }))
      } catch (caught) {
        setError(errorMessage(caught))
        setAnnouncement('')
      } finally {
        setRunning(false)
      }
    },
    [documentId],
  )

  const sign = useCallback(
    (item: CheckItemResult, status: 'pass' | 'warn' | 'fail', note: string) => {
      const at = writeSignOff(doc, { itemId: item.id, sectionId: item.sectionId, status, note, userId })
      const signed = (result: ChecksResponse) =>
        result.groups.some((group) => group.items.some((candidate) => candidate.id === item.id && candidate.signOff?.at === at))
      void run(signed)
    },
    [doc, run, userId],
  )

  const download = useCallback(async () => {
    setError(null)
    try {
      const blob = await downloadChecksMarkdown(documentId)
      const url = URL.createObjectURL(blob)
      const link = document.createElement('a')
      link.href = url
      link.download = 'kontrollrapport.md'
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 0)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }, [documentId])

  return (
    <section className="section checks-panel" aria-labelledby="checks-panel-title">
      <h2 id="checks-panel-title">{t('checksTitle')}</h2>
      <div className="checks-actions">
        <button type="button" onClick={() => void run()} disabled={running}>
          {t('checksRun')}
        </button>
        <button type="button" onClick={() => void download()}>
          {t('checksDownload')}
        </button>
      </div>
      <p role="status" aria-live="polite" className="checks-progress">
        {running ? t('checksRunning') : announcement}
      </p>
      <ErrorMessage message={error} />
      {report && (
        <>
          <p className={`checks-verdict checks-verdict--${report.verdict}`} data-testid="checks-verdict">
            {t('checksResult')} <strong>{verdictText(report.verdict)}</strong>
          </p>
          <p className="muted">
            {t('checksChecklist', { id: report.checklistId, version: report.checklistVersion })}
          </p>
          {report.groups.map((group) => (
            <section key={group.principle} className="checks-group" aria-labelledby={`checks-group-${group.principle}`}>
              <h3 id={`checks-group-${group.principle}`}>{group.title}</h3>
              {group.items.length === 0 ? (
                <p className="muted">{t('checksNoItems')}</p>
              ) : (
                <ul className="checks-items">
                  {group.items.map((item) => (
                    <CheckItemView key={item.id} item={item} canSignOff={canSignOff} busy={running} onSign={sign} />
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
