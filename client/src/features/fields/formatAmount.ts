/**
 * A number as Swedish users write it: thousands grouped with a space, decimal comma.
 *
 * @example
 * formatAmount(1250000) // '1 250 000'
 * formatAmount(40, 1, 1) // '40,0', as the checks report writes a share
 */
export function formatAmount(value: number, maxDecimals = 2, minDecimals = 0): string {
  return value
    .toLocaleString('sv-SE', {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
    })
    .replace(/[\u00A0\u202F]/gu, ' ')
    .replace('−', '-')
}
