const NBSP = '\u00A0'

/**
 * A number as Swedish text: thousands grouped with a no-break space (an amount never wraps in
 * a table cell), decimal comma. Written by hand rather than with Intl so a Word file, a Markdown
 * file and a browser page show the same characters whatever ICU each has.
 *
 * @example
 * formatFieldNumber(1250000) // '1 250 000' (no-break spaces)
 * formatFieldNumber(40, 1, 1) // '40,0'
 */
export function formatFieldNumber(value: number, maxDecimals = 2, minDecimals = 0): string {
  const fixed = Math.abs(value).toFixed(maxDecimals)
  const [whole = '0', fraction = ''] = fixed.split('.')
  let decimals = fraction
  while (decimals.length > minDecimals && decimals.endsWith('0')) decimals = decimals.slice(0, -1)
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP)
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : ''
  return sign + grouped + (decimals ? ',' + decimals : '')
}

/**
 * A stored value as a number, as leniently as the forms and the checks read it: a number, or
 * text such as "250 000 kr" or "46,5 %" another tool stored; null for anything else.
 */
export function fieldNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string') return null
  const compact = value
    .replace(/[\s\u00A0\u202F]/gu, '')
    .replace(/(kr|kronor|sek|%)$/iu, '')
    .replace(',', '.')
  return /^-?\d+(\.\d+)?$/u.test(compact) ? Number(compact) : null
}
