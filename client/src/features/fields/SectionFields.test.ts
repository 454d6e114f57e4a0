import { runChecks, type CheckDocument } from '@samskriv/checks'
import { getTemplate, instantiateTemplate, readSections } from '@samskriv/schema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SectionFields } from './SectionFields.ts'

/** Two replicas that exchange every update, as two browsers on one document do. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on(
    'update',
    (update: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, update, a),
  )
  b.on(
    'update',
    (update: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, update, b),
  )
  return [a, b]
}

/** What `server/src/services/readCheckDocument.ts` hands the engine: each entry's toJSON(). */
function checkDocument(doc: Y.Doc): CheckDocument {
  const fields = doc.getMap<unknown>('fields')
  return {
    templateId: 'esf-projektide',
    templateVersion: 1,
    signOffs: {},
    sections: getTemplate('esf-projektide').sections.map((section) => {
      const value = fields.get(section.key)
      return {
        id: section.key,
        key: section.key,
        title: section.title,
        text: '',
        charLimit: section.charLimit,
        required: section.required,
        kind: section.kind,
        fields: value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : undefined,
      }
    }),
  }
}

function statusOf(doc: Y.Doc, id: string): string | undefined {
  return runChecks(checkDocument(doc))
    .groups.flatMap((group) => group.items)
    .find((item) => item.id === id)?.status
}

describe('SectionFields', () => {
  it('writes participants, budget and indicators in the shapes the checks read, so J4, A4 and A3 pass', () => {
    const doc = new Y.Doc()
    expect(statusOf(doc, 'J4')).toBe('fail')
    expect(statusOf(doc, 'A4')).toBe('fail')

    new SectionFields(doc, 'deltagare').set({ women: 24, men: 16, total: 40 })
    const budget = new SectionFields(doc, 'budget')
    budget.addRow('rows', { label: 'Personal', amount: 800000 })
    budget.addRow('rows', { label: 'Lokaler', amount: 200000 })
    budget.addRow('financing', { funder: 'Svenska ESF-rådet', amount: 600000, esf: true })
    budget.addRow('financing', { funder: 'Samordningsförbundet', amount: 400000 })
    const indicators = new SectionFields(doc, 'indikatorer')
    indicators.addRow('rows')
    indicators.setCell('rows', 0, 'goal', 'Fler i arbete')
    indicators.setCell('rows', 0, 'indicator', 'Andel deltagare i arbete')
    indicators.setCell('rows', 0, 'baseline', '10 %')
    indicators.setCell('rows', 0, 'target', '30 %')
    indicators.setCell('rows', 0, 'bySex', true)

    expect(doc.getMap('fields').toJSON()).toEqual({
      deltagare: { women: 24, men: 16, total: 40 },
      budget: {
        rows: [
          { label: 'Personal', amount: 800000 },
          { label: 'Lokaler', amount: 200000 },
        ],
        financing: [
          { funder: 'Svenska ESF-rådet', amount: 600000, esf: true },
          { funder: 'Samordningsförbundet', amount: 400000 },
        ],
      },
      indikatorer: {
        rows: [
          {
            goal: 'Fler i arbete',
            indicator: 'Andel deltagare i arbete',
            baseline: '10 %',
            target: '30 %',
            bySex: true,
          },
        ],
      },
    })
    expect(statusOf(doc, 'J4')).toBe('pass')
    expect(statusOf(doc, 'A4')).toBe('pass')
    expect(statusOf(doc, 'A3')).toBe('pass')
    expect(statusOf(doc, 'J3')).toBe('pass')
  })

  it('keeps both changes when two people edit different cells of one row at once', () => {
    const [a, b] = pair()
    new SectionFields(a, 'budget').addRow('rows', { label: 'Personal' })
    // Both edit before hearing from the other: apply b's update to a only afterwards.
    const held: Uint8Array[] = []
    const c = new Y.Doc()
    Y.applyUpdate(c, Y.encodeStateAsUpdate(b))
    c.on('update', (update: Uint8Array) => held.push(update))
    new SectionFields(a, 'budget').setCell('rows', 0, 'label', 'Personalkostnader')
    new SectionFields(c, 'budget').setCell('rows', 0, 'amount', 500000)
    for (const update of held) Y.applyUpdate(a, update)
    expect(b.getMap('fields').toJSON()).toEqual({
      budget: { rows: [{ label: 'Personalkostnader', amount: 500000 }] },
    })
  })

  it('keeps what two people type into the same text field at once, each at their own place', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    new SectionFields(a, 'oversikt').setText('regions', 'Dalarna')
    new SectionFields(a, 'budget').addRow('rows')
    new SectionFields(a, 'budget').setCellText('rows', 0, 'label', 'Lön')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    // Keystroke by keystroke, neither hearing from the other until both are done.
    const anna = new SectionFields(a, 'oversikt')
    const erik = new SectionFields(b, 'oversikt')
    for (const typed of ['Dalarnas', 'Dalarnas län']) anna.setText('regions', typed)
    for (const typed of ['RDalarna', 'Region Dalarna']) erik.setText('regions', typed)
    new SectionFields(a, 'budget').setCellText('rows', 0, 'label', 'Lön och arvoden')
    new SectionFields(b, 'budget').setCellText('rows', 0, 'label', 'Personal: Lön')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(new SectionFields(a, 'oversikt').get('regions')).toBe('Region Dalarnas län')
    expect(new SectionFields(b, 'oversikt').values()).toEqual({ regions: 'Region Dalarnas län' })
    expect(new SectionFields(b, 'budget').rows('rows')[0]?.values).toEqual({ label: 'Personal: Lön och arvoden' })
  })

  it('turns a plain text into a shared one on its first edit, and keeps it when emptied, so typing into it meanwhile is kept', () => {
    const doc = new Y.Doc()
    doc.getMap('fields').set('oversikt', new Y.Map<unknown>([['name', 'Gammalt namn']]))
    const fields = new SectionFields(doc, 'oversikt')
    fields.setText('name', 'Gammalt namn 2')
    expect((doc.getMap('fields').get('oversikt') as Y.Map<unknown>).get('name')).toBeInstanceOf(Y.Text)
    expect(fields.get('name')).toBe('Gammalt namn 2')
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    // Anna empties the field while Erik adds to it.
    fields.setText('name', '')
    new SectionFields(other, 'oversikt').setText('name', 'Gammalt namn 2, reviderat', 'Gammalt namn 2')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    expect(fields.get('name')).toBe(', reviderat')
    // A plain value emptied goes.
    fields.set({ call: 'Utlysning 1' })
    fields.setText('call', '')
    expect(fields.values()).toEqual({ name: ', reviderat' })
  })

  it('keeps rows two people add at once, and undoes a removal by putting the row back', () => {
    const [a, b] = pair()
    new SectionFields(a, 'indikatorer').addRow('rows', { goal: 'Mål 1' })
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(b))
    new SectionFields(offline, 'indikatorer').addRow('rows', { goal: 'Mål 3' })
    new SectionFields(a, 'indikatorer').addRow('rows', { goal: 'Mål 2' })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(offline))
    const goals = () =>
      new SectionFields(b, 'indikatorer').rows('rows').map((row) => row.values['goal'])
    expect(goals().sort()).toEqual(['Mål 1', 'Mål 2', 'Mål 3'])

    const fields = new SectionFields(b, 'indikatorer')
    const removed = fields.removeRow('rows', 0)
    expect(removed).toEqual({ goal: 'Mål 1' })
    expect(goals()).not.toContain('Mål 1')
    fields.insertRow('rows', 0, removed!)
    expect(goals()[0]).toBe('Mål 1')
  })

  it('reads plain values another tool stored and turns them into shared types on the first write', () => {
    const doc = new Y.Doc()
    doc
      .getMap('fields')
      .set('budget', { rows: [{ label: 'Resor', amount: '12 000' }], total: 12000 })
    const budget = new SectionFields(doc, 'budget')
    expect(budget.rows('rows').map((row) => row.values)).toEqual([
      { label: 'Resor', amount: '12 000' },
    ])
    budget.setCell('rows', 0, 'amount', 15000)
    expect(doc.getMap('fields').get('budget')).toBeInstanceOf(Y.Map)
    expect(doc.getMap('fields').toJSON()).toEqual({
      budget: { rows: [{ label: 'Resor', amount: 15000 }], total: 12000 },
    })
  })

  it('deletes a key set to null and writes nothing for an unchanged value', () => {
    const doc = new Y.Doc()
    const fields = new SectionFields(doc, 'deltagare')
    fields.set({ women: 3 })
    let updates = 0
    doc.on('update', () => updates++)
    fields.set({ women: 3 })
    expect(updates).toBe(0)
    fields.set({ women: null })
    expect(fields.values()).toEqual({})
  })

  it("keeps both people's first writes to an empty section of a new document", () => {
    const created = new Y.Doc()
    let next = 0
    instantiateTemplate(created, getTemplate('esf-projektide'), 'Ny ansökan', () => `s${++next}`)
    const idOf = (kind: string) => readSections(created).find((section) => section.kind === kind)!.id
    // Two replicas of the new document that write before either hears of the other.
    const a = new Y.Doc()
    const b = new Y.Doc()
    Y.applyUpdate(a, Y.encodeStateAsUpdate(created))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(created))
    new SectionFields(a, idOf('participants')).set({ women: 5 })
    new SectionFields(b, idOf('participants')).set({ men: 7 })
    new SectionFields(a, idOf('budget')).addRow('rows', { label: 'A', amount: 1 })
    new SectionFields(b, idOf('budget')).addRow('rows', { label: 'B', amount: 2 })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const fields = a.getMap<Y.Map<unknown>>('fields')
    expect(fields.get(idOf('participants'))!.toJSON()).toEqual({ women: 5, men: 7 })
    expect((fields.get(idOf('budget'))!.get('rows') as Y.Array<Y.Map<unknown>>).toJSON().map((row) => row.label).sort()).toEqual(['A', 'B'])
    expect(b.getMap('fields').toJSON()).toEqual(a.getMap('fields').toJSON())
  })
  it('keeps both people typing in the same empty field of a new document, or cell of a new row, when they focus it at once', () => {
    const created = new Y.Doc()
    let next = 0
    instantiateTemplate(created, getTemplate('esf-projektide'), 'Ny ansökan', () => `s${++next}`)
    const overviewId = readSections(created).find((section) => section.key === 'oversikt')!.id
    const budgetId = readSections(created).find((section) => section.kind === 'budget')!.id
    const [a, b] = [new Y.Doc(), new Y.Doc()]
    for (const doc of [a, b]) Y.applyUpdate(doc, Y.encodeStateAsUpdate(created))
    new SectionFields(a, budgetId).addRow('rows', {}, ['label'])
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    // What a focus and a first keystroke do in each browser, before either hears of the other.
    const overview = [new SectionFields(a, overviewId), new SectionFields(b, overviewId)] as const
    const budget = [new SectionFields(a, budgetId), new SectionFields(b, budgetId)] as const
    for (const fields of overview) fields.prepareText('name')
    for (const fields of budget) fields.prepareCellText('rows', 0, 'label')
    overview[0].setText('name', 'Dal', '', 3)
    overview[1].setText('name', 'Gävle', '', 5)
    budget[0].setCellText('rows', 0, 'label', 'Lön', '', 3)
    budget[1].setCellText('rows', 0, 'label', 'Resor', '', 5)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    for (const fields of [...overview, ...budget]) expect(fields.doc.getMap('fields').toJSON()).toEqual(a.getMap('fields').toJSON())
    const name = String(overview[0].get('name'))
    expect(name.length).toBe('DalGävle'.length)
    expect(name).toMatch(/^(DalGävle|GävleDal)$/)
    expect(String(budget[0].rows('rows')[0]?.values.label)).toMatch(/^(LönResor|ResorLön)$/)
  })
})
