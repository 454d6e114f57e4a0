/**
 * Reads a number typed into a structured field: a JS number, or a string with Swedish
 * formatting ("1 250 000", "46,5", "12 kr", "46 %"). Returns undefined when the field is
 * empty and NaN when it holds something that is not a number, so callers can tell "not
 * filled in" from "filled in wrongly".
 *
 * @example
 * parseNumber('1 250 000 kr') // 1250000
 * parseNumber('') // undefined
 * parseNumber('många') // NaN
 */
export function parseNumber(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN
  if (typeof value !== 'string') return Number.NaN
  const compact = value
    .replace(/[\s\u00A0\u202F]/gu, '')
    .replace(/(kr|kronor|sek|%)$/iu, '')
    .replace(',', '.')
    .replace('−', '-')
  if (compact === '') return undefined
  return /^-?\d+(\.\d+)?$/u.test(compact) ? Number(compact) : Number.NaN
}
