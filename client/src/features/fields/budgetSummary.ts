import { storedNumber } from './storedNumber.ts'

export interface BudgetSummary {
  /** Sum of the cost rows that hold an amount. */
  cost: number
  /** Sum of the financing rows. */
  funded: number
  /** The part of the financing marked as ESF+ support. */
  esf: number
  /** Everything not paid by ESF+, as a share of the cost; null without financing or cost. */
  cofinancingPercent: number | null
}

/**
 * The budget's totals, computed as the checks engine computes them (rule `budget-sums`): the
 * co-financing share is what the financiers other than ESF+ pay, against the total cost.
 *
 * @example
 * budgetSummary([{ amount: 100 }], [{ amount: 60, esf: true }, { amount: 40 }]).cofinancingPercent // 40
 */
export function budgetSummary(
  rows: readonly Record<string, unknown>[],
  financing: readonly Record<string, unknown>[],
): BudgetSummary {
  const sum = (
    list: readonly Record<string, unknown>[],
    only?: (row: Record<string, unknown>) => boolean,
  ) =>
    list.reduce(
      (total, row) => total + (only && !only(row) ? 0 : (storedNumber(row['amount']) ?? 0)),
      0,
    )
  const cost = sum(rows)
  const funded = sum(financing)
  const esf = sum(financing, (row) => row['esf'] === true)
  const cofinancingPercent = financing.length > 0 && cost > 0 ? (100 * (funded - esf)) / cost : null
  return { cost, funded, esf, cofinancingPercent }
}
