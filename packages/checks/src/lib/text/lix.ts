import { lixDetails } from './lixDetails.ts'

/**
 * LIX of a plain text (see `lixDetails` for the counting rules). Bands (lix.se): < 30 very
 * easy, 30–40 easy (lättläst), 40–50 average, 50–60 hard, > 60 very hard.
 *
 * @example
 * lix('Vi ska ordna möten varje månad. Alla är välkomna!') // ≈ 15.61
 */
export function lix(text: string): number {
  return lixDetails(text).score
}
