import { describe, expect, it } from 'vitest'
import { budgetSummary } from './budgetSummary.ts'

describe('budgetSummary', () => {
  it('computes the co-financing share as the checks do: all that ESF+ does not pay, against the cost', () => {
    expect(
      budgetSummary(
        [{ amount: 800000 }, { amount: '200 000' }],
        [{ amount: 600000, esf: true }, { amount: 400000 }],
      ),
    ).toEqual({
      cost: 1000000,
      funded: 1000000,
      esf: 600000,
      cofinancingPercent: 40,
    })
    expect(budgetSummary([{ amount: 100 }], []).cofinancingPercent).toBeNull()
  })
})
