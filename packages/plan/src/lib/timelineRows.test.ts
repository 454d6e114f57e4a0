import { describe, expect, it } from 'vitest'
import { testActivity } from './testActivity.ts'
import { timelineRows } from './timelineRows.ts'

describe('timelineRows', () => {
  const range = { from: '2023-10', to: '2024-09' }

  it('groups by phase with month indexes relative to from', () => {
    const groups = timelineRows(
      [
        testActivity({ id: 'enkat', phase: 'Analys', start: '2023-10', end: '2023-11' }),
        testActivity({ id: 'rapport', phase: 'Avslut', start: '2024-05', end: '2024-07' }),
        testActivity({ id: 'analys', phase: 'Analys', start: '2023-12', end: '2023-12' }),
        testActivity({ id: 'los', phase: '', start: '2024-01', end: '2024-01' }),
      ],
      range,
    )
    expect(groups.map((group) => [group.label, group.rows.map((row) => row.activityId)])).toEqual([
      ['Analys', ['enkat', 'analys']],
      ['Avslut', ['rapport']],
      ['Utan fas', ['los']],
    ])
    expect(groups[1]?.rows[0]?.bars).toEqual([
      { start: 7, end: 9, continuesBefore: false, continuesAfter: false },
    ])
  })

  it('orders phases by their earliest start, a tie by name, and "Utan fas" last', () => {
    // Plan order as the QA walk found it: the earliest phase had been added last.
    const groups = timelineRows(
      [
        testActivity({ id: 'lopande', phase: 'Löpande', start: '2023-11', end: '2024-09' }),
        testActivity({ id: 'uppfoljning', phase: 'Uppföljning', start: '2024-01', end: '2024-03' }),
        testActivity({ id: 'analys', phase: 'Analys', start: '2024-01', end: '2024-02' }),
        testActivity({ id: 'avslut', phase: 'Avslut', start: '2024-08', end: '2024-09' }),
        testActivity({ id: 'utan', phase: '', start: '2023-10', end: '2023-10' }),
        testActivity({ id: 'inledande', phase: 'Inledande fas', start: '2023-10', end: '2023-12' }),
      ],
      range,
    )
    expect(groups.map((group) => group.label)).toEqual(['Inledande fas', 'Löpande', 'Analys', 'Uppföljning', 'Avslut', 'Utan fas'])
  })

  it('orders a phase by the start of its earliest activity, wherever that stands in the plan', () => {
    const groups = timelineRows(
      [
        testActivity({ id: 'b-sen', phase: 'B', start: '2024-06', end: '2024-06' }),
        testActivity({ id: 'a', phase: 'A', start: '2024-01', end: '2024-01' }),
        testActivity({ id: 'b-tidig', phase: 'B', start: '2023-11', end: '2023-11' }),
      ],
      range,
    )
    expect(groups.map((group) => group.label)).toEqual(['B', 'A'])
  })

  it('orders rows by start, then end, then title, as the table does by start', () => {
    const [group] = timelineRows(
      [
        testActivity({ id: 'sen', title: 'Slutrapport', start: '2024-05', end: '2024-05' }),
        testActivity({ id: 'lang', title: 'Kartläggning', start: '2023-11', end: '2024-02' }),
        testActivity({ id: 'kort-o', title: 'Östra möte', start: '2023-11', end: '2023-11' }),
        testActivity({ id: 'kort-a', title: 'Ärendegenomgång', start: '2023-11', end: '2023-11' }),
        testActivity({ id: 'forst', title: 'Start', start: '2023-10', end: '2024-09' }),
      ],
      range,
    )
    // Swedish order: Ä before Ö.
    expect(group?.rows.map((row) => row.activityId)).toEqual(['forst', 'kort-a', 'kort-o', 'lang', 'sen'])
  })

  it('orders by the real start, also of an activity that began before the range', () => {
    const [group] = timelineRows(
      [
        testActivity({ id: 'inne', start: '2023-10', end: '2023-10' }),
        testActivity({ id: 'fore', start: '2023-06', end: '2023-12' }),
      ],
      range,
    )
    expect(group?.rows.map((row) => row.activityId)).toEqual(['fore', 'inne'])
  })

  it('draws one bar per occurrence of a recurring activity', () => {
    const [group] = timelineRows(
      [testActivity({ start: '2023-10', end: '2024-09', recurrence: { every: 'quarter' } })],
      range,
    )
    expect(group?.rows[0]?.bars.map((bar) => bar.start)).toEqual([0, 3, 6, 9])
  })

  it('clamps bars that run past the range and leaves out activities outside it', () => {
    const [group] = timelineRows(
      [
        testActivity({ id: 'lang', start: '2023-06', end: '2025-02' }),
        testActivity({ id: 'utanfor', start: '2025-03', end: '2025-04' }),
      ],
      range,
    )
    expect(group?.rows).toHaveLength(1)
    expect(group?.rows[0]?.bars).toEqual([
      { start: 0, end: 11, continuesBefore: true, continuesAfter: true },
    ])
  })

  it('returns nothing for an empty or malformed range', () => {
    expect(timelineRows([testActivity()], { from: '2024-09', to: '2023-10' })).toEqual([])
    expect(timelineRows([testActivity()], { from: 'okt', to: '2023-10' })).toEqual([])
  })
})
