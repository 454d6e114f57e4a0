import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent, KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { addActivities, parsePlanText } from '@samskriv/plan'
import type { ActivityInput, DraftActivity, ParsePlanTextResult, YearMonth } from '@samskriv/plan'
import { t } from '../../app/i18n.ts'
import { monthLabel } from './monthLabel.ts'
import { recurrenceLabel } from './recurrenceLabel.ts'

const count = (n: number) => (n === 1 ? t('planImportOne') : t('planImportMany', { count: n }))

/** A draft as `addActivities` takes it: without the preview's `sourceLines`. */
function toInput({ title, description, owner, start, end, status, phase, links, recurrence }: DraftActivity): ActivityInput {
  return { title, description, owner, start, end, status, phase, links, recurrence }
}

interface PlanImportProps {
  doc: Y.Doc
  /** The project's first month: month headings without a year count from it (else from this year). */
  projectStart: YearMonth | null
}

/** Pasted plan text → a preview → activities added in one transaction once the user confirms. */
export function PlanImport({ doc, projectStart }: PlanImportProps) {
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [preview, setPreview] = useState<ParsePlanTextResult | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const toggle = useRef<HTMLButtonElement>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)
  const formId = useId()
  const textId = useId()
  const helpId = useId()

  const close = () => {
    setOpen(false)
    setText('')
    setPreview(null)
    toggle.current?.focus()
  }

  // Opening the form is a request to paste: the text box takes focus.
  useEffect(() => {
    if (open) textRef.current?.focus()
  }, [open])

  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    close()
  }

  const handlePreview = (event: FormEvent) => {
    event.preventDefault()
    setAnnouncement('')
    // A plan pasted in October for a project that starts in October reads "Oktober" as the
    // project's October, not this calendar year's.
    setPreview(parsePlanText(text, projectStart ? { projectStart } : { defaultYear: new Date().getFullYear() }))
  }

  const handleImport = () => {
    if (!preview || preview.errors.length > 0 || preview.activities.length === 0) return
    addActivities(doc, preview.activities.map(toInput))
    setAnnouncement(t('planImportDone', { activities: count(preview.activities.length) }))
    close()
  }

  return (
    <div className="plan-import">
      <button
        ref={toggle}
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => {
          if (open) return close()
          setAnnouncement('')
          setOpen(true)
        }}
      >
        {t('planImportOpen')}
      </button>
      <p role="status" className="plan-import__status">{announcement}</p>
      {open && (
        <form id={formId} className="plan-import__form" aria-label={t('planImportOpen')} onSubmit={handlePreview} onKeyDown={handleKeyDown}>
          <label htmlFor={textId}>{t('planImportPaste')}</label>
          <div id={helpId} className="plan-import__help">
            <p>{t('planImportHelp')}</p>
            <pre>{t('planImportExample')}</pre>
          </div>
          <textarea
            ref={textRef}
            id={textId}
            aria-describedby={helpId}
            rows={10}
            value={text}
            onChange={(event) => {
              setText(event.target.value)
              setPreview(null)
            }}
          />
          <div className="plan-import__actions">
            <button type="submit" className="button">{t('planImportPreview')}</button>
            <button type="button" className="button button--secondary" onClick={close}>{t('cancel')}</button>
          </div>
          {preview && <PlanImportPreview preview={preview} onImport={handleImport} />}
        </form>
      )}
    </div>
  )
}

function Messages({ title, messages }: { title: string; messages: ParsePlanTextResult['warnings'] }) {
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {messages.map((message, index) => (
          <li key={`${message.line}-${index}`}>{t('planImportLine', { line: message.line, message: message.message })}</li>
        ))}
      </ul>
    </>
  )
}

function PlanImportPreview({ preview, onImport }: { preview: ParsePlanTextResult; onImport: () => void }) {
  const { activities, warnings, errors } = preview
  const captionId = useId()
  if (errors.length > 0) {
    return (
      <div className="error plan-import__errors" role="alert">
        <Messages title={t('planImportErrors')} messages={errors} />
        {warnings.length > 0 && <Messages title={t('planImportWarnings')} messages={warnings} />}
      </div>
    )
  }
  return (
    <div className="plan-import__preview">
      <div className="plan-table__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table">
          <caption id={captionId}>{t('planImportPreviewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planColActivity')}</th>
              <th scope="col">{t('planColStart')}</th>
              <th scope="col">{t('planColEnd')}</th>
              <th scope="col">{t('planRepeats')}</th>
            </tr>
          </thead>
          <tbody>
            {activities.map((activity) => (
              <tr key={activity.sourceLines.join('-')}>
                <th scope="row">{activity.title}</th>
                <td>{monthLabel(activity.start)}</td>
                <td>{monthLabel(activity.end)}</td>
                <td>{recurrenceLabel(activity.recurrence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {warnings.length > 0 && (
        <div className="notice plan-import__warnings">
          <Messages title={t('planImportWarnings')} messages={warnings} />
        </div>
      )}
      {activities.length > 0 && (
        <button type="button" className="button" onClick={onImport}>{t('planImportConfirm', { activities: count(activities.length) })}</button>
      )}
    </div>
  )
}
