/** What a number field holds: a count of people, an amount in kronor or a percentage. */
export type AmountKind = 'count' | 'amount' | 'percent'

/** Why a typed number was refused; the form turns it into a message. */
export type AmountError = 'not-a-number' | 'not-whole' | 'too-precise' | 'negative' | 'over-hundred' | 'too-large'

/**
 * The largest number each kind takes. Far above any ESF+ project (a few hundred participants,
 * budgets in millions of kronor) but low enough that a number is stored exactly: twenty nines
 * would otherwise become 100 000 000 000 000 000 000 for every co-author.
 */
export const AMOUNT_LIMITS: Readonly<Record<AmountKind, number>> = {
  count: 1_000_000,
  amount: 1_000_000_000,
  percent: 100,
}

export type ParsedAmount = { ok: true; value: number | null } | { ok: false; error: AmountError }

/**
 * Reads a number as a Swedish user types it ("250 000", "46,5", "12 kr", "40 %"), as the checks
 * engine reads it too; an empty field is `null` (not filled in). Counts are whole and not
 * negative, amounts not negative and in whole öre (two decimals at most), percentages 0–100,
 * and none above its `AMOUNT_LIMITS`.
 *
 * @example
 * parseAmount('1 250 000 kr', 'amount') // { ok: true, value: 1250000 }
 * parseAmount('många', 'count') // { ok: false, error: 'not-a-number' }
 */
export function parseAmount(text: string, kind: AmountKind): ParsedAmount {
  const compact = text
    .replace(/[\s\u00A0\u202F]/gu, '')
    .replace(/(kr|kronor|sek|%)$/iu, '')
    .replace(',', '.')
    .replace('−', '-')
  if (compact === '') return { ok: true, value: null }
  // "250.000" is two hundred and fifty thousand as many write it, not 250: dots between groups of
  // three digits separate thousands (not in a percentage, where "12.5" is a decimal).
  if (kind !== 'percent' && /^-?\d{1,3}(\.\d{3})+$/u.test(compact) && !text.includes(',')) return parseAmount(compact.replaceAll('.', ''), kind)
  if (!/^-?\d+(\.\d+)?$/u.test(compact)) return { ok: false, error: 'not-a-number' }
  const value = Number(compact)
  if (value < 0) return { ok: false, error: 'negative' }
  if (kind === 'count' && !Number.isInteger(value)) return { ok: false, error: 'not-whole' }
  // "1 200 000,555" would show as ,56 and sum to something no budget line says.
  const decimals = compact.split('.')[1]?.replace(/0+$/u, '') ?? ''
  if (kind === 'amount' && decimals.length > 2) return { ok: false, error: 'too-precise' }
  if (kind === 'percent' && value > 100) return { ok: false, error: 'over-hundred' }
  if (value > AMOUNT_LIMITS[kind]) return { ok: false, error: 'too-large' }
  return { ok: true, value }
}
