import { useState } from 'react'
import type { FormEvent } from 'react'
import type * as Y from 'yjs'
import { addActivity, isYearMonth, monthIndex } from '@samskriv/plan'
import { currentMonth } from './currentMonth.ts'

/** Adds a planned activity at the end of the plan. */
export function AddActivityForm({ doc }: { doc: Y.Doc }) {
  const [title, setTitle] = useState('')
  const [start, setStart] = useState(currentMonth)
  const [end, setEnd] = useState(currentMonth)
  const [error, setError] = useState<string | null>(null)

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!title.trim()) return setError('Skriv vad aktiviteten heter.')
    if (!isYearMonth(start) || !isYearMonth(end)) return setError('Välj start- och slutmånad.')
    if (monthIndex(end) < monthIndex(start)) return setError('Slutmånaden kan inte vara före startmånaden.')
    addActivity(doc, {
      title: title.trim(), description: '', owner: null, start, end,
      status: 'planerad', phase: '', links: [], recurrence: null,
    })
    setTitle('')
    setError(null)
  }

  return (
    <form className="plan-add" onSubmit={handleSubmit} aria-label="Ny aktivitet">
      <label>
        Aktivitet
        <input value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label>
        Start
        <input type="month" value={start} onChange={(event) => setStart(event.target.value)} />
      </label>
      <label>
        Slut
        <input type="month" value={end} onChange={(event) => setEnd(event.target.value)} />
      </label>
      <button type="submit" className="button">Lägg till aktivitet</button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  )
}
