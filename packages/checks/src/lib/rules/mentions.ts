import type { DocumentIndex } from '../DocumentIndex.ts'
import { joinList } from '../format/joinList.ts'
import { quote } from '../format/quote.ts'
import { plural } from '../format/plural.ts'
import type { RuleOutcome } from './RuleOutcome.ts'
import type { RuleOf } from './types.ts'
import { whereText } from './whereText.ts'

/** At least `minHits` words of the families in scope. */
export function mentions(
  rule: RuleOf<'mentions'>,
  index: DocumentIndex,
  advice: string,
): RuleOutcome {
  const sections = index.sections(rule.sectionKeys)
  const examples = new Set<string>()
  let hits = 0
  let firstHit: string | undefined
  for (const section of sections) {
    for (const family of rule.families) {
      for (const match of index.matches(section, family)) {
        hits += 1
        firstHit ??= section.key
        if (examples.size < 4) examples.add(quote(match.text))
      }
    }
  }
  if (hits >= rule.minHits) {
    return {
      status: 'pass',
      message: `Hittade ${plural(hits, 'träff', 'träffar')}: ${joinList([...examples])}.`,
      sectionKey: firstHit,
    }
  }
  const labels = joinList(rule.families.map((family) => quote(family.label)))
  return {
    status: rule.missing,
    message: `Hittade ${hits === 0 ? 'inget' : `bara ${hits}`} om ${labels}${whereText(index, rule.sectionKeys)}. ${advice}`,
    sectionKey: rule.sectionKeys?.[0],
  }
}
