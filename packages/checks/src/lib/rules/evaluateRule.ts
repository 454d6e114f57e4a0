import type { Rule } from '../Checklist.ts'
import type { DocumentIndex } from '../DocumentIndex.ts'
import { avoidTerms } from './avoidTerms.ts'
import { budgetSums } from './budgetSums.ts'
import { charLimits } from './charLimits.ts'
import { coverage } from './coverage.ts'
import { genderSplit } from './genderSplit.ts'
import { indicatorsBySex } from './indicatorsBySex.ts'
import { indicatorsComplete } from './indicatorsComplete.ts'
import { lixLimit } from './lixLimit.ts'
import { mentions } from './mentions.ts'
import { mentionsIf } from './mentionsIf.ts'
import { numberNear } from './numberNear.ts'
import { planDates } from './planDates.ts'
import { requiredFilled } from './requiredFilled.ts'
import type { RuleOutcome } from './RuleOutcome.ts'
import { sameSentence } from './sameSentence.ts'

/** Runs one automatic rule. Manual rules need sign-offs and are handled by `manualResult`. */
export function evaluateRule(
  rule: Exclude<Rule, { type: 'manual' }>,
  index: DocumentIndex,
  advice: string,
): RuleOutcome {
  switch (rule.type) {
    case 'required-filled':
      return requiredFilled(index, advice)
    case 'char-limits':
      return charLimits(index, advice)
    case 'mentions':
      return mentions(rule, index, advice)
    case 'coverage':
      return coverage(rule, index, advice)
    case 'number-near':
      return numberNear(rule, index, advice)
    case 'mentions-if':
      return mentionsIf(rule, index, advice)
    case 'avoid':
      return avoidTerms(rule, index, advice)
    case 'same-sentence':
      return sameSentence(rule, index, advice)
    case 'lix':
      return lixLimit(rule, index, advice)
    case 'gender-split':
      return genderSplit(rule, index, advice)
    case 'budget-sums':
      return budgetSums(rule, index, advice)
    case 'indicators-by-sex':
      return indicatorsBySex(rule, index, advice)
    case 'indicators-complete':
      return indicatorsComplete(rule, index, advice)
    case 'plan-dates':
      return planDates(rule, index, advice)
  }
}
