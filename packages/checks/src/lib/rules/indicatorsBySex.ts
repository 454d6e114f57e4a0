import type { DocumentIndex } from '../DocumentIndex.ts'
import { quote } from '../format/quote.ts'
import type { RuleOutcome } from './RuleOutcome.ts'
import type { RuleOf } from './types.ts'
import { whereText } from './whereText.ts'

/** An indicator row flagged `bySex`, or text saying "per kön", or text naming both women and men. */
export function indicatorsBySex(
  rule: RuleOf<'indicators-by-sex'>,
  index: DocumentIndex,
  advice: string,
): RuleOutcome {
  const sections = index.sections(rule.sectionKeys)
  for (const section of sections) {
    const rows = section.fields?.['rows']
    if (Array.isArray(rows)) {
      const flagged = rows.find(
        (row) =>
          row !== null &&
          typeof row === 'object' &&
          (row as Record<string, unknown>)['bySex'] === true,
      )
      if (flagged) {
        const name = (flagged as Record<string, unknown>)['indicator']
        const label =
          typeof name === 'string' && name.trim() !== ''
            ? `Indikatorn ${quote(name.trim())}`
            : 'En indikator'
        return { status: 'pass', message: `${label} redovisas per kön.`, sectionKey: section.key }
      }
    }
    for (const family of rule.families) {
      const match = index.matches(section, family)[0]
      if (match)
        return {
          status: 'pass',
          message: `Indikatorerna redovisas ${quote(match.text)}.`,
          sectionKey: section.key,
        }
    }
    const [first, second] = rule.pair
    if (index.matches(section, first).length > 0 && index.matches(section, second).length > 0) {
      return {
        status: 'pass',
        message: `Indikatorerna nämner både ${quote(first.label)} och ${quote(second.label)}.`,
        sectionKey: section.key,
      }
    }
  }
  return {
    status: 'fail',
    message: `Ingen indikator${whereText(index, rule.sectionKeys)} är uppdelad på kön. ${advice}`,
    sectionKey: rule.sectionKeys?.[0],
  }
}
