import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addActivity, updateActivity, type ActivityInput } from '@samskriv/plan'
import { getTemplate, instantiateTemplate, Root } from '@samskriv/schema'
import { captureUnsavedText, unsavedTextNotIn } from './unsavedText.ts'

const activity: Omit<ActivityInput, 'title'> = { description: '', owner: null, start: '2025-01', end: '2025-03', status: 'planerad', phase: 'Analys', links: [], recurrence: null }

/** The server's document, and a local copy of it that then goes its own way. */
function serverAndLocal() {
  const server = new Y.Doc()
  let next = 0
  const sections = instantiateTemplate(server, getTemplate('esf-projektide'), 'Ansökan', () => `s${++next}`)
  const overview = sections.find((section) => section.key === 'oversikt')!
  const budget = sections.find((section) => section.key === 'budget')!
  addActivity(server, { ...activity, id: 'a1', title: 'Kartläggning' })
  const fields = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>(Root.fields).get(id)!
  fields(server, overview.id).set('workplace', 'Kansliet')
  const local = new Y.Doc()
  Y.applyUpdate(local, Y.encodeStateAsUpdate(server))
  return { server, local, overview, budget, fields }
}

describe('the unsaved text of a refused update', () => {
  it('offers a time plan activity whose title differs, and one the server lacks, with their other text', () => {
    const { server, local } = serverAndLocal()
    updateActivity(local, 'a1', { title: 'Kartläggning av samverkan', description: 'Intervjuer med kommunerna' })
    addActivity(local, { ...activity, id: 'a2', title: 'Styrgruppsmöte', phase: 'Genomförande', owner: { kind: 'external', name: 'Region Skåne' } })

    const offered = unsavedTextNotIn(server, captureUnsavedText(local)).filter((item) => item.source === 'plan')
    expect(offered).toEqual([
      { source: 'plan', id: 'a1', title: 'Kartläggning av samverkan', text: 'Kartläggning av samverkan\nIntervjuer med kommunerna\nAnalys' },
      { source: 'plan', id: 'a2', title: 'Styrgruppsmöte', text: 'Styrgruppsmöte\nGenomförande\nRegion Skåne' },
    ])
  })

  it('offers the field values of a section where they differ, labelled as the form labels them', () => {
    const { server, local, overview, budget, fields } = serverAndLocal()
    fields(local, overview.id).set('workplace', 'Arbetsmarknadsenheten')
    const rows = fields(local, budget.id).get('rows') as Y.Array<Y.Map<unknown>>
    rows.push([new Y.Map<unknown>([['label', 'Personal'], ['year', '2025'], ['amount', 120000]])])

    const offered = unsavedTextNotIn(server, captureUnsavedText(local))
    expect(offered.map((item) => `${item.source}:${item.id}`)).toEqual([`fields:${overview.id}`, `fields:${budget.id}`])
    expect(offered[0]!.title).toBe('Översikt')
    expect(offered[0]!.text).toContain('Ansvarigt arbetsställe: Arbetsmarknadsenheten')
    expect(offered[1]!.text).toMatch(/Kostnadsslag: Personal; År: 2025; Belopp \(kr\): 120\s000/)
  })

  it('offers nothing the server already holds', () => {
    const { server, local } = serverAndLocal()
    const captured = captureUnsavedText(local)
    expect(captured.map((item) => item.source).sort()).toEqual(['fields', 'plan'])
    expect(unsavedTextNotIn(server, captured)).toEqual([])
  })
})
