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

/**
 * An amount of money: whole kronor as they are, an amount with öre with both öre digits.
 *
 * @example
 * formatKronor(150000.5) // '150 000,50 kr'
 */
export function formatKronor(value: number): string {
  return `${formatAmount(value, 2, Number.isInteger(value) ? 0 : 2)} kr`
}
