import { describe, expect, it } from 'vitest'
import { planTable } from './planTable.ts'
import { testActivity } from './testActivity.ts'

describe('planTable', () => {
  it('sorts by start and writes owners, months, status, recurrence and linked sections in Swedish', () => {
    const table = planTable(
      [
        testActivity({ id: 'b', title: 'Uppföljning', start: '2025-05', end: '2025-06', status: 'pagar', links: ['s2', 'borta'] }),
        testActivity({
          id: 'a',
          title: 'Styrgrupp',
          owner: { kind: 'external', name: 'Region Värmland' },
          start: '2025-01',
          end: '2025-12',
          recurrence: { every: 'quarter', until: '2025-10' },
          links: ['s1'],
        }),
      ],
      { sections: [{ id: 's1', title: 'Mål och indikatorer' }, { id: 's2', title: 'Uppföljning och lärande' }], period: { start: '2025-01', end: null } },
    )
    expect(table.period).toBe('januari 2025 – ej angiven')
    expect(table.headers).toEqual(['Aktivitet', 'Ansvarig', 'Start', 'Slut', 'Status', 'Fas', 'Upprepas', 'Kopplade avsnitt'])
    expect(table.rows).toEqual([
      ['Styrgrupp', 'Region Värmland (extern)', 'januari 2025', 'december 2025', 'Planerad', 'Analys', 'Varje kvartal till oktober 2025', 'Mål och indikatorer'],
      ['Uppföljning', '', 'maj 2025', 'juni 2025', 'Pågår', 'Analys', '', 'Uppföljning och lärande; (borttaget avsnitt)'],
    ])
  })

  it('states no period when the document has none', () => {
    expect(planTable([], { sections: [], period: { start: null, end: null } })).toMatchObject({ period: null, rows: [] })
  })
})
