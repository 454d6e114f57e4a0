/**
 * The usual LIX bands (lix.se) in Swedish, for messages.
 *
 * @example
 * lixBand(35) // 'lättläst'
 */
export function lixBand(score: number): string {
  if (score < 30) return 'mycket lättläst'
  if (score <= 40) return 'lättläst'
  if (score <= 50) return 'medelsvår'
  if (score <= 60) return 'svår'
  return 'mycket svår'
}
