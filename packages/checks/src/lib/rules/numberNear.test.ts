import { describe, expect, it } from 'vitest'
import { checkItem, esfWith } from '../testing/checkItem.ts'

const only = (problem: string) => esfWith({ problem, orsaker: '', konsekvenser: '', malgrupp: '' })

describe('number-near rule (J2)', () => {
  it('passes with a figure within eight words of women or men', () => {
    expect(checkItem('J2', only('Av deltagarna var 58 procent kvinnor.')).status).toBe('pass')
    expect(
      checkItem('J2', only('Männen utgjorde i fjol ungefär en tredjedel, eller 31 %.')).status,
    ).toBe('pass')
  })

  it('fails when figures are far from women and men', () => {
    const far =
      'Kvinnor och män möter hinder i stödet som ofta är splittrat mellan många olika aktörer och myndigheter. Det gäller 420 personer.'
    expect(checkItem('J2', only(far)).status).toBe('fail')
  })

  it('does not take a year for a statistic', () => {
    const item = checkItem('J2', only('Under 2025 sökte fler kvinnor stöd.'))
    expect(item.status).toBe('fail')
    expect(item.message).toContain('Lägg till siffror uppdelade på kvinnor och män')
  })
})
