import type { DocumentIndex } from '../DocumentIndex.ts'
import { joinList } from '../format/joinList.ts'
import { quote } from '../format/quote.ts'
import { plural } from '../format/plural.ts'
import type { RuleOutcome } from './RuleOutcome.ts'
import type { RuleOf } from './types.ts'

const PARTS = [
  ['goal', 'mål'],
  ['indicator', 'indikator'],
  ['baseline', 'utgångsläge'],
  ['target', 'målvärde'],
] as const

function filled(value: unknown): boolean {
  return (
    (typeof value === 'string' && value.trim() !== '') ||
    (typeof value === 'number' && Number.isFinite(value))
  )
}

/**
 * Indicator table: every row names its goal, its indicator, a baseline and a target. Seed 004
 * tells of applications rejected for an indicator detail, so a gap fails rather than warns.
 */
export function indicatorsComplete(
  rule: RuleOf<'indicators-complete'>,
  index: DocumentIndex,
  advice: string,
): RuleOutcome {
  const sectionKey = rule.sectionKey
  const section = index.section(sectionKey)
  const raw = section?.fields?.['rows']
  const rows = Array.isArray(raw)
    ? raw.filter((row): row is Record<string, unknown> => row !== null && typeof row === 'object')
    : []
  if (rows.length === 0) {
    return {
      status: 'warn',
      message: `Indikatortabellen i ${quote(index.titleOf(sectionKey))} är tom. ${advice}`,
      sectionKey,
    }
  }
  const gaps: string[] = []
  rows.forEach((row, i) => {
    const missing = PARTS.filter(([field]) => !filled(row[field])).map(([, name]) => name)
    if (missing.length === 0) return
    const name = filled(row['indicator']) ? ` (${quote(String(row['indicator']).trim())})` : ''
    gaps.push(`rad ${i + 1}${name} saknar ${joinList(missing)}`)
  })
  if (gaps.length > 0) {
    const text = gaps.join('; ')
    return {
      status: 'fail',
      message: `${text.charAt(0).toUpperCase()}${text.slice(1)}. ${advice}`,
      sectionKey,
    }
  }
  const goals = new Set(rows.map((row) => String(row['goal']).trim())).size
  return {
    status: 'pass',
    message: `${plural(rows.length, 'indikator', 'indikatorer')} för ${goals} mål, alla med utgångsläge och målvärde.`,
    sectionKey,
  }
}
