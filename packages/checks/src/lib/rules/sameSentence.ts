import type { DocumentIndex } from '../DocumentIndex.ts'
import { quote } from '../format/quote.ts'
import type { RuleOutcome } from './RuleOutcome.ts'
import type { RuleOf } from './types.ts'
import { whereText } from './whereText.ts'

const EXCERPT = 120

/** One sentence that names `first` together with one of `others` (an intersectional sentence). */
export function sameSentence(
  rule: RuleOf<'same-sentence'>,
  index: DocumentIndex,
  advice: string,
): RuleOutcome {
  for (const section of index.sections(rule.sectionKeys)) {
    const tokens = index.tokens(section)
    const withFirst = new Set(
      index.matches(section, rule.first).map((match) => tokens[match.index]!.sentence),
    )
    if (withFirst.size === 0) continue
    for (const family of rule.others) {
      const hit = index
        .matches(section, family)
        .find((match) => withFirst.has(tokens[match.index]!.sentence))
      if (!hit) continue
      const sentence = index.sentences(section)[tokens[hit.index]!.sentence] ?? ''
      const excerpt = sentence.length > EXCERPT ? `${sentence.slice(0, EXCERPT - 1)}…` : sentence
      return {
        status: 'pass',
        message: `Till exempel i ${quote(section.title)}: ${quote(excerpt)}`,
        sectionKey: section.key,
      }
    }
  }
  return {
    status: rule.missing,
    message: `Ingen mening${whereText(index, rule.sectionKeys)} kombinerar ${rule.first.label} med en annan grund. ${advice}`,
    sectionKey: rule.sectionKeys?.[0],
  }
}
