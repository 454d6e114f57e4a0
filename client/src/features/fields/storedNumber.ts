import { parseAmount } from './parseAmount.ts'

/** A stored value as a number, leniently (another tool may have stored "12" as text); null otherwise. */
export function storedNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string') return null
  const parsed = parseAmount(value, 'amount')
  return parsed.ok ? parsed.value : null
}
