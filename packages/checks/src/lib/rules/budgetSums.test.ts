import { describe, expect, it } from 'vitest'
import { checkItem, esfWith } from '../testing/checkItem.ts'

const rows = [
  { label: 'Personal', amount: 800000 },
  { label: 'Tolk', amount: 50000 },
  { label: 'Lokaler', amount: 150000 },
]
const financing = [
  { funder: 'ESF+', amount: 540000, esf: true },
  { funder: 'Samordningsförbundet', amount: 460000 },
]
const budget = (fields: Record<string, unknown>) => checkItem('A4', esfWith({ budget: { fields } }))

describe('budget-sums rule (A4)', () => {
  it('passes when rows, total and financing agree and co-financing meets the call', () => {
    // Cost 800 000 + 50 000 + 150 000 = 1 000 000; co-financing 460 000 / 1 000 000 = 46,0 %
    const item = budget({
      rows,
      total: 1000000,
      financing,
      cofinancingPercent: 46,
      requiredCofinancingPercent: 46,
    })
    expect(item.status).toBe('pass')
    expect(item.message).toBe(
      'Kostnaderna summerar till 1\u00A0000\u00A0000 kr och är fullt finansierade; medfinansieringen är 46,0 %.',
    )
  })

  it('writes amounts with öre with both öre digits instead of rounding them to whole kronor', () => {
    const item = budget({ rows: [{ label: 'Personal', amount: 1400000.5 }] })
    expect(item.message).toContain('Kostnaderna summerar till 1\u00A0400\u00A0000,50 kr.')
  })

  it('fails when the rows do not add up to the stated total', () => {
    const item = budget({ rows, total: 1100000, financing })
    expect(item.status).toBe('fail')
    expect(item.message).toContain(
      'Kostnadsraderna summerar till 1\u00A0000\u00A0000 kr men totalen anges som 1\u00A0100\u00A0000 kr.',
    )
  })

  it('fails when financing does not cover the cost or the stated share is wrong', () => {
    const short = [
      { funder: 'ESF+', amount: 540000, esf: true },
      { funder: 'Förbundet', amount: 400000 },
    ]
    expect(budget({ rows, financing: short }).message).toContain(
      'Finansieringen summerar till 940\u00A0000 kr',
    )
    expect(budget({ rows, financing, cofinancingPercent: 50 }).message).toContain(
      'anges som 50,0 % men beloppen ger 46,0 %',
    )
  })

  it('fails when co-financing is below the call rate, from the fields or from the rule', () => {
    const item = budget({ rows, financing, requiredCofinancingPercent: 50 })
    expect(item.status).toBe('fail')
    expect(item.message).toContain(
      'Medfinansieringen är 46,0 % men utlysningen kräver minst 50,0 %.',
    )
  })

  it('fails on an empty table or an unreadable amount, warns when financing is missing', () => {
    expect(budget({ rows: [] }).status).toBe('fail')
    expect(budget({ rows: [{ label: 'Resor', amount: 'många' }], financing }).message).toContain(
      'Rad 1 (”Resor”) saknar ett giltigt belopp.',
    )
    expect(budget({ rows }).status).toBe('warn')
  })
})
