import { describe, expect, it } from 'vitest'
import { formatAmount } from './formatAmount.ts'
import { parseAmount } from './parseAmount.ts'

describe('parseAmount', () => {
  it('reads numbers as Swedish users type them', () => {
    expect(parseAmount('1 250 000 kr', 'amount')).toEqual({ ok: true, value: 1250000 })
    expect(parseAmount('1\u00A0250', 'amount')).toEqual({ ok: true, value: 1250 })
    expect(parseAmount('46,5 %', 'percent')).toEqual({ ok: true, value: 46.5 })
    expect(parseAmount('  ', 'count')).toEqual({ ok: true, value: null })
    // Dots between groups of three separate thousands; a dot elsewhere, or a comma, is a decimal.
    expect(parseAmount('250.000', 'amount')).toEqual({ ok: true, value: 250000 })
    expect(parseAmount('1.250.000 kr', 'amount')).toEqual({ ok: true, value: 1250000 })
    expect(parseAmount('46.5', 'amount')).toEqual({ ok: true, value: 46.5 })
    expect(parseAmount('46,500', 'amount')).toEqual({ ok: true, value: 46.5 })
    expect(parseAmount('12.500', 'percent')).toEqual({ ok: true, value: 12.5 })
  })

  it('refuses what is not a number, and counts, amounts and shares out of range', () => {
    expect(parseAmount('många', 'count')).toEqual({ ok: false, error: 'not-a-number' })
    expect(parseAmount('12a', 'amount')).toEqual({ ok: false, error: 'not-a-number' })
    expect(parseAmount('2,5', 'count')).toEqual({ ok: false, error: 'not-whole' })
    expect(parseAmount('-5', 'amount')).toEqual({ ok: false, error: 'negative' })
    // Kronor and öre: a third decimal is no amount anyone pays (trailing zeros are fine).
    expect(parseAmount('1 200 000,555', 'amount')).toEqual({ ok: false, error: 'too-precise' })
    expect(parseAmount('1 200 000,550', 'amount')).toEqual({ ok: true, value: 1200000.55 })
    expect(parseAmount('120', 'percent')).toEqual({ ok: false, error: 'over-hundred' })
  })

  it('refuses counts and amounts above their limits instead of storing them rounded', () => {
    expect(parseAmount('99999999999999999999', 'count')).toEqual({ ok: false, error: 'too-large' })
    expect(parseAmount('1 000 001', 'count')).toEqual({ ok: false, error: 'too-large' })
    expect(parseAmount('1 000 000', 'count')).toEqual({ ok: true, value: 1_000_000 })
    expect(parseAmount('99999999999999999999 kr', 'amount')).toEqual({ ok: false, error: 'too-large' })
    expect(parseAmount('1.000.000.001', 'amount')).toEqual({ ok: false, error: 'too-large' })
    expect(parseAmount('1 000 000 000 kr', 'amount')).toEqual({ ok: true, value: 1_000_000_000 })
  })

  it('reads back what formatAmount shows', () => {
    expect(parseAmount(formatAmount(1250000.5), 'amount')).toEqual({ ok: true, value: 1250000.5 })
  })
})
