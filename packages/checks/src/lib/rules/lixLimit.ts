import type { DocumentIndex } from '../DocumentIndex.ts'
import { joinList } from '../format/joinList.ts'
import { lixBand } from '../format/lixBand.ts'
import { quote } from '../format/quote.ts'
import type { RuleOutcome } from './RuleOutcome.ts'
import type { RuleOf } from './types.ts'

/**
 * LIX per section at most `maxLix`. Scores are compared after rounding to a whole number,
 * the way LIX is reported, so the figure in the message and the verdict always agree.
 */
export function lixLimit(rule: RuleOf<'lix'>, index: DocumentIndex, advice: string): RuleOutcome {
  const measured = index
    .sections(rule.sectionKeys, rule.excludeKeys)
    .map((section) => ({ section, details: index.lix(section) }))
    .filter(({ details }) => details.words >= rule.minWords)
    .map(({ section, details }) => ({ section, score: Math.round(details.score) }))
  if (measured.length === 0) {
    if (rule.missing && rule.sectionKeys) {
      const names = joinList(rule.sectionKeys.map((key) => quote(index.titleOf(key))))
      return {
        status: rule.missing,
        message: `${names} saknas eller är tom. ${advice}`,
        sectionKey: rule.sectionKeys[0],
      }
    }
    return { status: 'pass', message: 'Inget avsnitt har tillräckligt med text för att mätas.' }
  }
  const over = measured.filter(({ score }) => score > rule.maxLix)
  if (over.length > 0) {
    const list = joinList(
      over.map(
        ({ section, score }) => `${quote(section.title)} har LIX ${score} (${lixBand(score)})`,
      ),
    )
    return {
      status: rule.over,
      message: `${list}; gränsen är ${rule.maxLix}. ${advice}`,
      sectionKey: over[0]!.section.key,
    }
  }
  const first = measured[0]!
  if (measured.length === 1) {
    return {
      status: 'pass',
      message: `${quote(first.section.title)} har LIX ${first.score} (${lixBand(first.score)}), inom gränsen ${rule.maxLix}.`,
      sectionKey: first.section.key,
    }
  }
  const hardest = measured.reduce((a, b) => (b.score > a.score ? b : a))
  return {
    status: 'pass',
    message: `Alla ${measured.length} mätta avsnitt har LIX ${rule.maxLix} eller lägre; högst är ${quote(hardest.section.title)} med ${hardest.score}.`,
  }
}
