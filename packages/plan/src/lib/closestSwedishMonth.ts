import { SWEDISH_MONTH_NAMES } from './SWEDISH_MONTH_NAMES.ts'

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/**
 * The Swedish month name a misspelt word most likely meant ("Oktobr", "October" → "oktober"),
 * or null when no month is close. Used to tell a mistyped heading from an ordinary line.
 */
export function closestSwedishMonth(word: string): string | null {
  const key = word.toLocaleLowerCase('sv')
  if (key.length < 4) return null
  const allowed = key.length >= 6 ? 2 : 1
  let best: { name: string; cost: number } | null = null
  for (const name of SWEDISH_MONTH_NAMES) {
    const cost = distance(key, name)
    if (cost <= allowed && (!best || cost < best.cost)) best = { name, cost }
  }
  return best?.name ?? null
}
