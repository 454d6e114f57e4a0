import { useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import type * as Y from 'yjs'
import { addActivities, formatYearMonth, parsePlanText } from '@samskriv/plan'
import type { ActivityInput, DraftActivity, ParsePlanTextResult, Recurrence } from '@samskriv/plan'

const REPEATS: Record<Recurrence['every'], string> = { month: 'Varje månad', quarter: 'Varje kvartal' }

const count = (n: number) => `${n} ${n === 1 ? 'aktivitet' : 'aktiviteter'}`

/** A draft as `addActivities` takes it: without the preview's `sourceLines`. */
function toInput({ title, description, owner, start, end, status, phase, links, recurrence }: DraftActivity): ActivityInput {
  return { title, description, owner, start, end, status, phase, links, recurrence }
}

/** Pasted plan text → a preview → activities added in one transaction once the user confirms. */
export function PlanImport({ doc }: { doc: Y.Doc }) {
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [preview, setPreview] = useState<ParsePlanTextResult | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const toggle = useRef<HTMLButtonElement>(null)
  const formId = useId()
  const textId = useId()

  const close = () => {
    setOpen(false)
    setText('')
    setPreview(null)
    toggle.current?.focus()
  }

  const handlePreview = (event: FormEvent) => {
    event.preventDefault()
    setAnnouncement('')
    setPreview(parsePlanText(text, { defaultYear: new Date().getFullYear() }))
  }

  const handleImport = () => {
    if (!preview || preview.errors.length > 0 || preview.activities.length === 0) return
    addActivities(doc, preview.activities.map(toInput))
    setAnnouncement(`${count(preview.activities.length)} importerades`)
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
        Importera från text
      </button>
      <p role="status" className="plan-import__status">{announcement}</p>
      {open && (
        <form id={formId} className="plan-import__form" aria-label="Importera från text" onSubmit={handlePreview}>
          <label htmlFor={textId}>Klistra in tidsplanen</label>
          <textarea
            id={textId}
            rows={10}
            value={text}
            onChange={(event) => {
              setText(event.target.value)
              setPreview(null)
            }}
          />
          <div className="plan-import__actions">
            <button type="submit" className="button">Förhandsgranska</button>
            <button type="button" className="button button--secondary" onClick={close}>Avbryt</button>
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
          <li key={`${message.line}-${index}`}>Rad {message.line}: {message.message}</li>
        ))}
      </ul>
    </>
  )
}

function PlanImportPreview({ preview, onImport }: { preview: ParsePlanTextResult; onImport: () => void }) {
  const { activities, warnings, errors } = preview
  if (errors.length > 0) {
    return (
      <div className="error plan-import__errors" role="alert">
        <Messages title="Texten kan inte importeras" messages={errors} />
        {warnings.length > 0 && <Messages title="Att tänka på" messages={warnings} />}
      </div>
    )
  }
  return (
    <div className="plan-import__preview">
      <div className="plan-table__scroll">
        <table className="table">
          <caption>Förhandsgranskning</caption>
          <thead>
            <tr>
              <th scope="col">Aktivitet</th>
              <th scope="col">Start</th>
              <th scope="col">Slut</th>
              <th scope="col">Upprepas</th>
            </tr>
          </thead>
          <tbody>
            {activities.map((activity) => (
              <tr key={activity.sourceLines.join('-')}>
                <th scope="row">{activity.title}</th>
                <td>{formatYearMonth(activity.start)}</td>
                <td>{formatYearMonth(activity.end)}</td>
                <td>{activity.recurrence ? REPEATS[activity.recurrence.every] : 'Nej'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {warnings.length > 0 && (
        <div className="notice plan-import__warnings">
          <Messages title="Att tänka på" messages={warnings} />
        </div>
      )}
      {activities.length > 0 && (
        <button type="button" className="button" onClick={onImport}>Importera {count(activities.length)}</button>
      )}
    </div>
  )
}
