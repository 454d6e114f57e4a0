import type { DocumentIndex } from '../DocumentIndex.ts'
import { joinList } from '../format/joinList.ts'
import { quote } from '../format/quote.ts'
import type { RuleOutcome } from './RuleOutcome.ts'
import type { RuleOf } from './types.ts'
import { whereText } from './whereText.ts'

/** Every group found somewhere in scope; the message names the groups still missing. */
export function coverage(
  rule: RuleOf<'coverage'>,
  index: DocumentIndex,
  advice: string,
): RuleOutcome {
  const sections = index.sections(rule.sectionKeys)
  const missing = rule.groups.filter(
    (group) => !sections.some((section) => index.matches(section, group).length > 0),
  )
  const where = whereText(index, rule.sectionKeys)
  const sectionKey = rule.sectionKeys?.[0]
  if (missing.length === 0) {
    return {
      status: 'pass',
      message: `Alla delar finns med: ${joinList(rule.groups.map((g) => quote(g.label)))}.`,
      sectionKey,
    }
  }
  const names = joinList(missing.map((group) => quote(group.label)))
  if (missing.length === rule.groups.length) {
    return { status: rule.none, message: `Inget nämns om ${names}${where}. ${advice}`, sectionKey }
  }
  return { status: rule.some, message: `Saknas${where}: ${names}. ${advice}`, sectionKey }
}
