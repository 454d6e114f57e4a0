import { describe, expect, it } from 'vitest'
import { checkItem, esfWith } from '../testing/checkItem.ts'

const participants = (fields: Record<string, unknown>) =>
  checkItem('J4', esfWith({ deltagare: { fields } }))

describe('gender-split rule (J4)', () => {
  it('passes when women + men = total, also with numbers typed as text', () => {
    expect(participants({ women: 34, men: 26, total: 60 }).message).toBe(
      '34 kvinnor + 26 män = 60 deltagare.',
    )
    expect(participants({ women: '1 200', men: '800', total: '2 000' }).status).toBe('pass')
  })

  it('fails with the arithmetic when the sum is off', () => {
    const item = participants({ women: 34, men: 26, total: 62 })
    expect(item).toMatchObject({ status: 'fail', sectionId: 's-deltagare' })
    expect(item.message).toContain('Kvinnor (34) + män (26) = 60, men totalt anges som 62')
  })

  it('accepts "Ej aktuellt" only in all three fields', () => {
    expect(
      participants({ women: 'Ej aktuellt', men: 'ej aktuellt', total: 'EJ AKTUELLT' }).status,
    ).toBe('pass')
    expect(participants({ women: 'Ej aktuellt', men: 3, total: 3 }).status).toBe('fail')
  })

  it('fails on missing, negative or fractional counts', () => {
    expect(participants({ women: 34, total: 60 }).status).toBe('fail')
    expect(participants({ women: -1, men: 61, total: 60 }).status).toBe('fail')
    expect(participants({ women: 33.5, men: 26.5, total: 60 }).status).toBe('fail')
  })
})
