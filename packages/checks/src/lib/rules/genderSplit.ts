import type { DocumentIndex } from '../DocumentIndex.ts'
import { formatNumber } from '../format/formatNumber.ts'
import { parseNumber } from '../format/parseNumber.ts'
import { quote } from '../format/quote.ts'
import type { RuleOutcome } from './RuleOutcome.ts'
import type { RuleOf } from './types.ts'

type Count =
  | { kind: 'number'; value: number }
  | { kind: 'not-applicable' }
  | { kind: 'missing' }
  | { kind: 'invalid' }

// The ESF+ form accepts "Ej aktuellt" for projects without participants (seed 000, 5.5).
const NOT_APPLICABLE = /^ej\s+aktuellt$/iu

function readCount(value: unknown): Count {
  if (typeof value === 'string' && NOT_APPLICABLE.test(value.trim()))
    return { kind: 'not-applicable' }
  const number = parseNumber(value)
  if (number === undefined) return { kind: 'missing' }
  if (!Number.isInteger(number) || number < 0) return { kind: 'invalid' }
  return { kind: 'number', value: number }
}

/** Participants by sex (form 5.5.1–5.5.3): women + men = total, or all three "Ej aktuellt". */
export function genderSplit(
  rule: RuleOf<'gender-split'>,
  index: DocumentIndex,
  advice: string,
): RuleOutcome {
  const sectionKey = rule.sectionKey
  const section = index.section(sectionKey)
  if (!section)
    return {
      status: 'fail',
      message: `Avsnittet ${quote(index.titleOf(sectionKey))} saknas. ${advice}`,
      sectionKey,
    }
  const fields = section.fields ?? {}
  const women = readCount(fields['women'])
  const men = readCount(fields['men'])
  const total = readCount(fields['total'])
  const counts = [women, men, total]
  if (counts.every((count) => count.kind === 'not-applicable')) {
    return { status: 'pass', message: 'Ej aktuellt: projektet har inga deltagare.', sectionKey }
  }
  if (counts.some((count) => count.kind === 'not-applicable')) {
    return {
      status: 'fail',
      message: 'Ange antingen antal i alla tre fälten eller ”Ej aktuellt” i alla tre.',
      sectionKey,
    }
  }
  if (counts.some((count) => count.kind === 'missing')) {
    return { status: 'fail', message: `Antal saknas. ${advice}`, sectionKey }
  }
  if (women.kind !== 'number' || men.kind !== 'number' || total.kind !== 'number') {
    return { status: 'fail', message: 'Antalen ska vara hela tal, noll eller större.', sectionKey }
  }
  const sum = women.value + men.value
  if (sum !== total.value) {
    return {
      status: 'fail',
      message: `Kvinnor (${formatNumber(women.value)}) + män (${formatNumber(men.value)}) = ${formatNumber(sum)}, men totalt anges som ${formatNumber(total.value)}. Rätta antalen så att summan stämmer.`,
      sectionKey,
    }
  }
  return {
    status: 'pass',
    message: `${formatNumber(women.value)} kvinnor + ${formatNumber(men.value)} män = ${formatNumber(sum)} deltagare.`,
    sectionKey,
  }
}
