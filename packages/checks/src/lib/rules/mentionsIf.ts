import type { DocumentIndex } from '../DocumentIndex.ts'
import { joinList } from '../format/joinList.ts'
import { quote } from '../format/quote.ts'
import type { RuleOutcome } from './RuleOutcome.ts'
import type { RuleOf } from './types.ts'

/** Applies only when the trigger occurs; then one of the required families must occur too. */
export function mentionsIf(
  rule: RuleOf<'mentions-if'>,
  index: DocumentIndex,
  advice: string,
): RuleOutcome {
  const sections = index.sections(rule.sectionKeys)
  let trigger: { text: string; key: string; title: string } | undefined
  for (const section of sections) {
    const match = index.matches(section, rule.trigger)[0]
    if (match) {
      trigger = { text: match.text, key: section.key, title: section.title }
      break
    }
  }
  if (!trigger) {
    return {
      status: 'pass',
      message: `Inget om ${rule.trigger.label} nämns, så punkten gäller inte.`,
    }
  }
  const satisfied = sections.some((section) =>
    rule.required.some((family) => index.matches(section, family).length > 0),
  )
  if (satisfied) {
    return {
      status: 'pass',
      message: `${quote(trigger.text)} nämns och ${joinList(rule.required.map((f) => f.label))} beaktas.`,
    }
  }
  return {
    status: rule.missing,
    message: `${quote(trigger.title)} nämner ${quote(trigger.text)} men dokumentet säger inget om ${joinList(rule.required.map((f) => f.label))}. ${advice}`,
    sectionKey: trigger.key,
  }
}
