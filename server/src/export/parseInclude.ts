/** What an export may carry besides the sections. */
export type ExportExtra = 'plan' | 'checks'

const EXTRAS: readonly ExportExtra[] = ['plan', 'checks']

/**
 * `include=plan,checks` as a set; undefined or empty means nothing extra. Returns the first
 * unknown name instead when there is one, so the route can answer 400 naming it.
 */
export function parseInclude(value: string | undefined): { extras: Set<ExportExtra> } | { unknown: string } {
  const extras = new Set<ExportExtra>()
  for (const raw of (value ?? '').split(',')) {
    const name = raw.trim()
    if (!name) continue
    if (!(EXTRAS as readonly string[]).includes(name)) return { unknown: name }
    extras.add(name as ExportExtra)
  }
  return { extras }
}
