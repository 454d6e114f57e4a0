import { describe, expect, it } from 'vitest'
import { monthWithin } from './monthWithin.ts'

describe('monthWithin', () => {
  it('keeps a month inside the period and moves one outside it to the nearest end', () => {
    const period = { start: '2027-01', end: '2028-12' }
    expect(monthWithin('2026-11', period)).toBe('2027-01')
    expect(monthWithin('2027-06', period)).toBe('2027-06')
    expect(monthWithin('2029-02', period)).toBe('2028-12')
    expect(monthWithin('2026-11', { start: null, end: null })).toBe('2026-11')
    expect(monthWithin('2026-11', { start: 'sometime', end: null })).toBe('2026-11')
  })
})
