import { afterEach, describe, expect, it } from 'vitest'
import { ACTIVITY_STATUSES } from '@samskriv/plan'
import { setLang } from '../../app/i18n.ts'
import { monthLabel } from './monthLabel.ts'
import { statusLabel } from './statusLabel.ts'

afterEach(() => setLang('sv'))

describe('the plan’s status words and months', () => {
  it('are Swedish and capitalised by default', () => {
    expect(ACTIVITY_STATUSES.map(statusLabel)).toEqual(['Planerad', 'Pågår', 'Klar', 'Inställd'])
    expect(monthLabel('2026-01')).toBe('januari 2026')
  })

  it('follow the English toggle', () => {
    setLang('en')
    expect(ACTIVITY_STATUSES.map(statusLabel)).toEqual(['Planned', 'In progress', 'Done', 'Cancelled'])
    expect(monthLabel('2026-01')).toBe('January 2026')
    expect(monthLabel('2026-12')).toBe('December 2026')
    expect(monthLabel('sometime')).toBe('sometime')
  })
})
