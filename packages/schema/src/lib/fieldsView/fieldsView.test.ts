import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Root } from '../roots.ts'
import { fieldsView } from './fieldsView.ts'
import { formatFieldNumber } from './formatFieldNumber.ts'
import { readFieldValues } from './readFieldValues.ts'

const nb = (text: string) => text.replace(/ /g, '\u00a0')

describe('fieldsView', () => {
  it('writes the budget as cost and financing tables with their sums and the co-financing share', () => {
    const view = fieldsView(
      { key: 'budget', kind: 'budget' },
      {
        rows: [{ label: 'Lön projektledare', year: 2025, amount: 600000 }, { label: 'Tolk', year: '2026', amount: '400 000 kr' }, {}],
        financing: [
          { funder: 'ESF+', amount: 540000, esf: true },
          { funder: 'Samordningsförbundet', amount: 460000 },
        ],
        requiredCofinancingPercent: 46,
      },
    )
    expect(view?.placement).toBe('before')
    expect(view?.blocks).toEqual([
      {
        kind: 'table',
        title: 'Kostnader',
        headers: ['Kostnadsslag', 'År', 'Belopp (kr)'],
        numeric: [false, false, true],
        // The empty row a writer added and never filled in is left out.
        rows: [
          ['Lön projektledare', '2025', nb('600 000')],
          ['Tolk', '2026', nb('400 000')],
        ],
        totals: [['Summa kostnader', '', nb('1 000 000')]],
      },
      {
        kind: 'table',
        title: 'Finansiering',
        headers: ['Finansiär', 'Belopp (kr)', 'ESF+-stöd'],
        numeric: [false, true, false],
        rows: [
          ['ESF+', nb('540 000'), 'Ja'],
          ['Samordningsförbundet', nb('460 000'), 'Nej'],
        ],
        totals: [
          ['Summa finansiering', nb('1 000 000'), ''],
          ['Varav ESF+-stöd', nb('540 000'), ''],
        ],
      },
      {
        kind: 'facts',
        title: 'Medfinansiering',
        facts: [
          { label: 'Andel som inte är ESF+-stöd', value: '46,0 %' },
          { label: 'Utlysningens krav', value: '46 %' },
        ],
      },
    ])
  })

  it('writes participants as counts, "Ej aktuellt" as it is, and indicators under the text', () => {
    expect(fieldsView({ key: 'deltagare', kind: 'participants' }, { women: 1200, men: '1 150', total: 2350 })?.blocks).toEqual([
      expect.objectContaining({ title: 'Planerat antal deltagare', rows: [[nb('1 200'), nb('1 150'), nb('2 350')]] }),
    ])
    const none = { women: 'Ej aktuellt', men: 'Ej aktuellt', total: 'Ej aktuellt' }
    expect(fieldsView({ key: 'deltagare', kind: 'participants' }, none)?.blocks[0]).toMatchObject({ rows: [['Ej aktuellt', 'Ej aktuellt', 'Ej aktuellt']] })

    const indicators = fieldsView({ key: 'mal', kind: 'indicators' }, { rows: [{ goal: 'Fler i arbete', indicator: 'Andel i arbete', baseline: '20 %', target: 35, bySex: true }] })
    expect(indicators).toEqual({
      placement: 'after',
      blocks: [
        {
          kind: 'table',
          title: 'Indikatorer',
          headers: ['Mål', 'Indikator', 'Utgångsläge', 'Målvärde', 'Redovisas per kön'],
          numeric: [false, false, false, false, false],
          rows: [['Fler i arbete', 'Andel i arbete', '20 %', '35', 'Ja']],
          totals: [],
        },
      ],
    })
  })

  it('lists the ESF+ overview by its labels, marking what is not filled in', () => {
    const view = fieldsView({ key: 'oversikt', kind: 'text' }, { name: 'Vägen in', start: '2025-01-01', end: '2026-06' })
    expect(view?.blocks).toEqual([
      {
        kind: 'facts',
        title: 'Uppgifter om projektet',
        facts: [
          { label: 'Projektets namn', value: 'Vägen in' },
          { label: 'Projektägare', value: 'ej ifyllt' },
          { label: 'Ansvarigt arbetsställe', value: 'ej ifyllt' },
          { label: 'Regioner som berörs', value: 'ej ifyllt' },
          { label: 'Utlysning eller programområde', value: 'ej ifyllt' },
          { label: 'Startdatum', value: '2025-01-01' },
          { label: 'Slutdatum', value: '2026-06' },
        ],
      },
    ])
  })

  it('shows nothing for a section without structured values or with none filled in', () => {
    expect(fieldsView({ key: 'syfte', kind: 'text' }, { name: 'x' })).toBeNull()
    expect(fieldsView({ key: 'aktivitetsplan', kind: 'plan' }, { periodStart: '2025-01' })).toBeNull()
    expect(fieldsView({ key: 'budget', kind: 'budget' }, { rows: [], financing: [] })).toBeNull()
    expect(fieldsView({ key: 'oversikt', kind: 'text' }, {})).toBeNull()
    expect(fieldsView({ key: 'mal', kind: 'indicators' }, { rows: [{ bySex: false }] })).toBeNull()
  })
})

describe('readFieldValues', () => {
  it('reads a Y.Map entry with Y.Array tables, or a plain object, as plain data', () => {
    const doc = new Y.Doc()
    const entry = new Y.Map<unknown>()
    const rows = new Y.Array<Y.Map<unknown>>()
    const row = new Y.Map<unknown>()
    row.set('goal', 'Mål 1')
    rows.push([row])
    entry.set('rows', rows)
    doc.getMap(Root.fields).set('a', entry)
    doc.getMap(Root.fields).set('b', { women: 3 })
    expect(readFieldValues(doc, 'a')).toEqual({ rows: [{ goal: 'Mål 1' }] })
    expect(readFieldValues(doc, 'b')).toEqual({ women: 3 })
    expect(readFieldValues(doc, 'c')).toEqual({})
  })
})

describe('formatFieldNumber', () => {
  it('shows an amount with öre with both öre digits, and a whole one without', () => {
    const values = { rows: [{ label: 'Lön', amount: 150000.5 }, { label: 'Tolk', amount: 400000 }] }
    const view = fieldsView({ kind: 'budget' } as never, values)
    const table = view?.blocks.find((block) => block.kind === 'table')
    expect(table && table.kind === 'table' ? table.rows.map((row) => row.at(-1)) : []).toEqual([nb('150 000,50'), nb('400 000')])
  })

  it('groups thousands and writes a decimal comma', () => {
    expect(formatFieldNumber(1250000.5)).toBe(nb('1 250 000,5'))
    expect(formatFieldNumber(46, 1, 1)).toBe('46,0')
    expect(formatFieldNumber(0)).toBe('0')
  })
})

describe('readFieldValues', () => {
  it('reads an empty shared text (a form makes one on focus) as no value, at any depth', () => {
    const doc = new Y.Doc()
    const row = new Y.Map<unknown>([['label', 'Lön']])
    doc.getMap('fields').set('budget', new Y.Map<unknown>([['rows', Y.Array.from([row])]]))
    const before = readFieldValues(doc, 'budget')
    ;(doc.getMap('fields').get('budget') as Y.Map<unknown>).set('call', new Y.Text(''))
    row.set('note', new Y.Text(''))
    expect(readFieldValues(doc, 'budget')).toEqual(before)
    expect(before).toEqual({ rows: [{ label: 'Lön' }] })
  })
})
