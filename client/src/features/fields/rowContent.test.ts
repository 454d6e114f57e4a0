import { describe, expect, it } from 'vitest'
import type { FieldColumn } from './FieldTable.tsx'
import { rowContent } from './rowContent.ts'

const columns: FieldColumn[] = [
  { key: 'label', label: 'Kostnadsslag', type: 'text' },
  { key: 'year', label: 'År', type: 'year' },
  { key: 'amount', label: 'Belopp (kr)', type: 'amount' },
  { key: 'esf', label: 'ESF+-stöd', type: 'check' },
]

describe('rowContent', () => {
  it('joins the text cells in column order, leaving numbers, ticks and empty cells out', () => {
    expect(rowContent({ label: ' Personal ', year: '2026', amount: 800000, esf: true }, columns)).toBe('Personal, 2026')
    expect(rowContent({ year: 2027 }, columns)).toBe('2027')
    expect(rowContent({ label: '  ', amount: 5 }, columns)).toBe('')
    expect(rowContent({}, columns)).toBe('')
  })

  it('cuts a long text short', () => {
    const goal = 'Fler deltagare går vidare till arbete eller studier inom ett år efter insatsen'
    const content = rowContent({ label: goal }, columns)
    expect(content.length).toBeLessThanOrEqual(60)
    expect(content.endsWith('…')).toBe(true)
    expect(goal.startsWith(content.slice(0, -1))).toBe(true)
  })
})
