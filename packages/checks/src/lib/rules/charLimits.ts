import type { DocumentIndex } from '../DocumentIndex.ts'
import { formatNumber } from '../format/formatNumber.ts'
import { quote } from '../format/quote.ts'
import type { RuleOutcome } from './RuleOutcome.ts'

/** No section is longer than its limit, counted like the ESF+ form (`countChars`). */
export function charLimits(index: DocumentIndex, advice: string): RuleOutcome {
  const over: string[] = []
  let sectionKey: string | undefined
  for (const section of index.doc.sections) {
    if (section.charLimit === null) continue
    const chars = index.chars(section)
    if (chars <= section.charLimit) continue
    sectionKey ??= section.key
    over.push(
      `${quote(section.title)} har ${formatNumber(chars)} tecken, ${formatNumber(chars - section.charLimit)} för många (högst ${formatNumber(section.charLimit)}).`,
    )
  }
  if (over.length === 0)
    return { status: 'pass', message: 'Alla avsnitt håller sig inom sina teckengränser.' }
  return { status: 'fail', message: `${over.join(' ')} ${advice}`, sectionKey }
}
