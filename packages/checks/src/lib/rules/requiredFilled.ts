import type { CheckSection } from '../CheckDocument.ts'
import type { DocumentIndex } from '../DocumentIndex.ts'
import { joinList } from '../format/joinList.ts'
import { quote } from '../format/quote.ts'
import type { RuleOutcome } from './RuleOutcome.ts'

function hasValue(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== ''
  if (typeof value === 'number') return Number.isFinite(value)
  if (value === true) return true
  if (Array.isArray(value)) return value.some(hasValue)
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasValue)
  return false
}

function isFilled(index: DocumentIndex, section: CheckSection): boolean {
  return index.chars(section) > 0 || hasValue(section.fields ?? {})
}

/**
 * Every required section has text or structured values. Required means: marked required in
 * the document, or in the template the document was created from. A section the template
 * requires but the document lacks counts as empty, unless the document comes from another
 * template version (then the sections may legitimately differ).
 */
export function requiredFilled(index: DocumentIndex, advice: string): RuleOutcome {
  const keys: string[] = []
  const add = (key: string) => {
    if (!keys.includes(key)) keys.push(key)
  }
  if (index.doc.templateVersion === index.template.version) {
    for (const section of index.template.sections) if (section.required) add(section.key)
  }
  for (const section of index.doc.sections) if (section.required) add(section.key)
  const empty = keys.filter(
    (key) => !index.sections([key]).some((section) => isFilled(index, section)),
  )
  if (empty.length === 0)
    return {
      status: 'pass',
      message: `${keys.length === 1 ? 'Det obligatoriska avsnittet' : `Alla ${keys.length} obligatoriska avsnitt`} har innehåll.`,
    }
  return {
    status: 'fail',
    message: `Fyll i ${joinList(empty.map((key) => quote(index.titleOf(key))))}. ${advice}`,
    sectionKey: empty[0],
  }
}
