const NBSP = '\u00A0'

/**
 * Swedish number format written by hand rather than with Intl, so reports are identical on
 * every Node build (small-ICU builds format differently): "1 250 000", "46,5".
 *
 * @example
 * formatNumber(1250000) // '1 250 000' (with no-break spaces)
 * formatNumber(46.456, 1) // '46,5'
 */
export function formatNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(decimals)
  const [whole = '0', fraction] = fixed.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP)
  const sign = value < 0 && Number(fixed) !== 0 ? '−' : ''
  return sign + grouped + (fraction ? ',' + fraction : '')
}
