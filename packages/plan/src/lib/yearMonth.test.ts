import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addMonths } from './addMonths.ts'
import { coerceYearMonth } from './coerceYearMonth.ts'
import { compareYearMonth } from './compareYearMonth.ts'
import { formatYearMonth } from './formatYearMonth.ts'
import { isYearMonth } from './isYearMonth.ts'
import * as Y from 'yjs'
import { readPlan } from './readPlan.ts'
import { readProjectPeriod } from './readProjectPeriod.ts'
import { timelineRows } from './timelineRows.ts'
import { validatePlan } from './validatePlan.ts'
import { monthIndex } from './monthIndex.ts'
import { monthsBetween } from './monthsBetween.ts'
import { parseSwedishMonth } from './parseSwedishMonth.ts'
import { parseYearMonth } from './parseYearMonth.ts'
import { toYearMonth } from './toYearMonth.ts'
import { yearMonthFromIndex } from './yearMonthFromIndex.ts'

const yearMonth = fc
  .record({ year: fc.integer({ min: 1900, max: 2200 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => toYearMonth(year, month))

describe('YearMonth', () => {
  it('parses only well-formed months', () => {
    expect(parseYearMonth('2024-01')).toEqual({ year: 2024, month: 1 })
    for (const bad of ['2024-13', '2024-00', '2024-1', '24-01', '2024-01-05', '']) {
      expect(parseYearMonth(bad)).toBeNull()
    }
    expect(isYearMonth('2023-12')).toBe(true)
    expect(isYearMonth(202312)).toBe(false)
  })

  it('adds months across year boundaries in both directions', () => {
    expect(addMonths('2023-11', 3)).toBe('2024-02')
    expect(addMonths('2024-01', -1)).toBe('2023-12')
    expect(addMonths('2023-12', 1)).toBe('2024-01')
    expect(addMonths('2023-10', 24)).toBe('2025-10')
    expect(toYearMonth(2023, 13)).toBe('2024-01')
    expect(toYearMonth(2024, 0)).toBe('2023-12')
  })

  it('compares and measures distance', () => {
    expect(compareYearMonth('2023-12', '2024-01')).toBeLessThan(0)
    expect(compareYearMonth('2024-01', '2024-01')).toBe(0)
    expect(monthsBetween('2023-10', '2024-09')).toBe(11)
    expect(monthsBetween('2024-09', '2023-10')).toBe(-11)
    expect(['2024-02', '2023-11', '2024-01'].sort(compareYearMonth)).toEqual([
      '2023-11',
      '2024-01',
      '2024-02',
    ])
  })

  it('addMonths and monthsBetween are inverses', () => {
    fc.assert(
      fc.property(yearMonth, fc.integer({ min: -600, max: 600 }), (start, n) => {
        const moved = addMonths(start, n)
        expect(isYearMonth(moved)).toBe(true)
        expect(monthsBetween(start, moved)).toBe(n)
        expect(yearMonthFromIndex(monthIndex(moved))).toBe(moved)
      }),
    )
  })

  it('reads Swedish month names and abbreviations in any case', () => {
    const cases: Array<[string, number]> = [
      ['januari', 1],
      ['Jan', 1],
      ['FEB', 2],
      ['februari', 2],
      ['mars', 3],
      ['Apr', 4],
      ['april', 4],
      ['maj', 5],
      ['jun', 6],
      ['Juni', 6],
      ['jul', 7],
      ['juli', 7],
      ['aug', 8],
      ['Augusti', 8],
      ['sep', 9],
      ['sept', 9],
      ['Sept.', 9],
      ['september', 9],
      ['okt', 10],
      ['Oktober', 10],
      ['nov', 11],
      ['November', 11],
      ['dec', 12],
      ['december', 12],
    ]
    for (const [word, month] of cases) expect(parseSwedishMonth(word), word).toBe(month)
    for (const word of ['october', 'maja', 'j', '']) expect(parseSwedishMonth(word)).toBeNull()
  })

  it('formats months in Swedish', () => {
    expect(formatYearMonth('2024-01')).toBe('januari 2024')
    expect(formatYearMonth('2023-10')).toBe('oktober 2023')
    expect(formatYearMonth('trasig')).toBe('trasig')
  })
})

describe('stored months a reader cannot use', () => {
  it('are read as unknown, never as a month that throws later: a year before 1000 (a date input half-typed)', () => {
    expect(coerceYearMonth('0002-01-01')).toBeNull()
    expect(coerceYearMonth('0999-12')).toBeNull()
    expect(coerceYearMonth('2027-1-15')).toBe('2027-01')
    const doc = new Y.Doc()
    doc.getMap('fields').set('oversikt', { start: '0002-01-01', end: '2028-12-31' })
    doc.getArray('plan').push([{ id: 'x', title: 'Kartläggning', start: '0002-01', end: '2027-03', status: 'planerad' }])
    const period = readProjectPeriod(doc, { sectionId: 'oversikt', startKey: 'start', endKey: 'end' })
    expect(period).toEqual({ start: null, end: '2028-12' })
    // Everything the plan panel does with them renders instead of throwing a RangeError.
    const activities = readPlan(doc)
    expect(activities.map(({ start, end }) => [start, end])).toEqual([['2027-03', '2027-03']])
    expect(() => validatePlan(activities, { projectStart: period.start ?? undefined, projectEnd: period.end ?? undefined })).not.toThrow()
    expect(() => timelineRows(activities, { from: '2027-01', to: '2028-12' })).not.toThrow()
  })
})
