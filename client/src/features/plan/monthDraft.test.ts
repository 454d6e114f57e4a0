import { describe, expect, it } from 'vitest'
import { isPlausibleMonth, monthDraftAction } from './monthDraft.ts'

describe('monthDraftAction', () => {
  it('writes nothing while a year is half typed, as Chromium reports it', () => {
    for (const draft of ['0002-12', '', '0020-12', '0202-12']) {
      expect(monthDraftAction(draft, { stored: '2025-12', clearable: true })).toEqual({ kind: 'keep' })
    }
    expect(monthDraftAction('2027-12', { stored: '2025-12', clearable: true })).toEqual({ kind: 'write', value: '2027-12' })
  })

  it('does not write the month that is already stored', () => {
    expect(monthDraftAction('2025-12', { stored: '2025-12', clearable: false })).toEqual({ kind: 'keep' })
  })

  it('clears only on leaving a really emptied field that may be empty', () => {
    expect(monthDraftAction('', { stored: '2025-12', clearable: true, leaving: { emptied: true } })).toEqual({ kind: 'clear' })
    expect(monthDraftAction('', { stored: '2025-12', clearable: true, leaving: { emptied: false } })).toEqual({ kind: 'keep' })
    expect(monthDraftAction('', { stored: '2025-12', clearable: false, leaving: { emptied: true } })).toEqual({ kind: 'keep' })
    expect(monthDraftAction('', { stored: '', clearable: true, leaving: { emptied: true } })).toEqual({ kind: 'keep' })
  })
})

describe('isPlausibleMonth', () => {
  it('takes years 1900–2200 only', () => {
    expect(['1900-01', '2027-06', '2200-12'].map(isPlausibleMonth)).toEqual([true, true, true])
    expect(['1899-12', '2201-01', '0002-03', '2027-13', ''].map(isPlausibleMonth)).toEqual([false, false, false, false, false])
  })
})
