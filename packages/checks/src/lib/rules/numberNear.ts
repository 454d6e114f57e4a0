import type { DocumentIndex } from '../DocumentIndex.ts'
import { joinList } from '../format/joinList.ts'
import { quote } from '../format/quote.ts'
import type { Token } from '../text/tokenize.ts'
import type { RuleOutcome } from './RuleOutcome.ts'
import type { RuleOf } from './types.ts'
import { whereText } from './whereText.ts'

// "Under 2023 ..." is a date, not a statistic: years 1900–2099 do not count as figures.
const YEAR = /^(19|20)\d\d$/

function isFigure(token: Token | undefined): boolean {
  return token !== undefined && token.number && !YEAR.test(token.word)
}

/** A figure within `window` words of a family match: "62 procent av kvinnorna". */
export function numberNear(
  rule: RuleOf<'number-near'>,
  index: DocumentIndex,
  advice: string,
): RuleOutcome {
  for (const section of index.sections(rule.sectionKeys)) {
    const tokens = index.tokens(section)
    for (const family of rule.families) {
      for (const match of index.matches(section, family)) {
        const from = Math.max(0, match.index - rule.window)
        const to = Math.min(tokens.length - 1, match.index + match.length - 1 + rule.window)
        for (let i = from; i <= to; i += 1) {
          if (isFigure(tokens[i])) {
            return {
              status: 'pass',
              message: `Hittade siffror nära ${quote(match.text)} i ${quote(section.title)}.`,
              sectionKey: section.key,
            }
          }
        }
      }
    }
  }
  return {
    status: rule.missing,
    message: `Hittade inga siffror nära ord om ${joinList(rule.families.map((f) => quote(f.label)))}${whereText(index, rule.sectionKeys)}. ${advice}`,
    sectionKey: rule.sectionKeys?.[0],
  }
}
