import type { DocumentIndex } from '../DocumentIndex.ts'
import { quote } from '../format/quote.ts'
import type { RuleOutcome } from './RuleOutcome.ts'
import type { RuleOf } from './types.ts'

/** None of the terms may occur; each hit is reported with the word to use instead. */
export function avoidTerms(
  rule: RuleOf<'avoid'>,
  index: DocumentIndex,
  advice: string,
): RuleOutcome {
  const found: string[] = []
  const seen = new Set<string>()
  let sectionKey: string | undefined
  for (const section of index.sections(rule.sectionKeys)) {
    for (const term of rule.terms) {
      for (const match of index.matches(section, term.family)) {
        if (seen.has(match.text)) continue
        seen.add(match.text)
        sectionKey ??= section.key
        found.push(
          `${quote(match.text)} i ${quote(section.title)}: skriv hellre ${term.suggestion}`,
        )
      }
    }
  }
  if (found.length === 0) return { status: 'pass', message: 'Inga föråldrade ord hittades.' }
  return { status: rule.found, message: `${advice} ${found.join('; ')}.`, sectionKey }
}
