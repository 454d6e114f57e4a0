import { describe, expect, it } from 'vitest'
import { testActivity } from './testActivity.ts'
import { timelineRows } from './timelineRows.ts'

describe('timelineRows', () => {
  const range = { from: '2023-10', to: '2024-09' }

  it('groups by phase in first-seen order with month indexes relative to from', () => {
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
