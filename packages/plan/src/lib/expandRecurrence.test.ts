import { describe, expect, it } from 'vitest'
import { expandRecurrence } from './expandRecurrence.ts'

describe('expandRecurrence', () => {
  it('gives one occurrence for a one-off activity', () => {
    expect(expandRecurrence({ start: '2024-05', end: '2024-07', recurrence: null })).toEqual([
      { start: '2024-05', end: '2024-07' },
    ])
  })

  it('repeats monthly through the end across a year boundary', () => {
    const occurrences = expandRecurrence({
      start: '2023-10',
      end: '2024-09',
      recurrence: { every: 'month' },
    })
    expect(occurrences).toHaveLength(12)
    expect(occurrences.map((o) => o.start).slice(1, 5)).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ])
    expect(occurrences.every((o) => o.start === o.end)).toBe(true)
    expect(occurrences.at(-1)).toEqual({ start: '2024-09', end: '2024-09' })
  })

  it('stops at until when given', () => {
    const occurrences = expandRecurrence({
      start: '2023-11',
      end: '2024-09',
      recurrence: { every: 'month', until: '2024-02' },
    })
    expect(occurrences.map((o) => o.start)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02'])
  })

  it('repeats every third month for a quarter', () => {
    const occurrences = expandRecurrence({
      start: '2023-11',
      end: '2024-12',
      recurrence: { every: 'quarter' },
    })
    expect(occurrences.map((o) => o.start)).toEqual([
      '2023-11',
      '2024-02',
      '2024-05',
      '2024-08',
      '2024-11',
    ])
  })

  it('keeps only occurrences that overlap a range, stepping on the series grid', () => {
    const quarterly = {
      start: '2023-10',
      end: '2025-12',
      recurrence: { every: 'quarter' },
    } as const
    expect(
      expandRecurrence(quarterly, { from: '2024-02', to: '2024-08' }).map((o) => o.start),
    ).toEqual(['2024-04', '2024-07'])
    expect(
      expandRecurrence(
        { start: '2024-05', end: '2024-07', recurrence: null },
        { from: '2024-07', to: '2024-12' },
      ),
    ).toHaveLength(1)
    expect(
      expandRecurrence(
        { start: '2024-05', end: '2024-07', recurrence: null },
        { from: '2024-08', to: '2024-12' },
      ),
    ).toEqual([])
  })

  it('returns nothing for a series that ends before it starts or malformed months', () => {
    expect(
      expandRecurrence({ start: '2024-05', end: '2024-03', recurrence: { every: 'month' } }),
    ).toEqual([])
    expect(expandRecurrence({ start: 'maj', end: '2024-03', recurrence: null })).toEqual([])
  })

  it('caps runaway series', () => {
    expect(
      expandRecurrence({ start: '2024-01', end: '9999-12', recurrence: { every: 'month' } }).length,
    ).toBe(1200)
  })
})
