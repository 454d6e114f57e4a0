import type { CheckItemResult, Verdict } from './CheckReport.ts'

/**
 * fail if any item fails; else pending while any manual item waits; else warn if any item
 * warns; else pass. Warnings never fail a document on their own (DOMAIN.md).
 */
export function verdictOf(items: readonly Pick<CheckItemResult, 'status'>[]): Verdict {
  const statuses = new Set(items.map((item) => item.status))
  if (statuses.has('fail')) return 'fail'
  if (statuses.has('pending')) return 'pending'
  if (statuses.has('warn')) return 'warn'
  return 'pass'
}
