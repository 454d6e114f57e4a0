import type { DocumentIndex } from '../DocumentIndex.ts'
import { formatNumber } from '../format/formatNumber.ts'
import { parseNumber } from '../format/parseNumber.ts'
import { quote } from '../format/quote.ts'
import type { RuleOutcome } from './RuleOutcome.ts'
import type { RuleOf } from './types.ts'

// Amounts are whole kronor in the form; allow rounding of öre, never a missing krona.
const TOLERANCE_KR = 0.5
// A stated percentage is usually rounded to one decimal.
const TOLERANCE_PERCENT = 0.05

// Whole kronor as they are; an amount with öre with both its öre digits (rounding it to whole
// kronor made a sum of 1 400 000,50 read as 1 400 001 kr).
const kr = (amount: number) => `${formatNumber(amount, Number.isInteger(amount) ? 0 : 2)} kr`
const percent = (value: number) => `${formatNumber(value, 1)} %`

function rowsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((row): row is Record<string, unknown> => row !== null && typeof row === 'object')
    : []
}

function labelOf(row: Record<string, unknown>, fallback: string): string {
  const label = row['label'] ?? row['funder']
  return typeof label === 'string' && label.trim() !== '' ? label.trim() : fallback
}

/**
 * Budget table (form section 7): cost rows sum to the stated total, financing covers the
 * cost, and the co-financing share (everything not paid by ESF+) matches what is stated and
 * reaches the call's minimum (`requiredCofinancingPercent` in the fields, else the rule's).
 */
export function budgetSums(
  rule: RuleOf<'budget-sums'>,
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
  const rows = rowsOf(fields['rows'])
  if (rows.length === 0)
    return { status: 'fail', message: `Budgettabellen är tom. ${advice}`, sectionKey }

  const problems: string[] = []
  let cost = 0
  rows.forEach((row, i) => {
    const amount = parseNumber(row['amount'])
    if (amount === undefined || Number.isNaN(amount))
      problems.push(`Rad ${i + 1} (${quote(labelOf(row, 'utan namn'))}) saknar ett giltigt belopp.`)
    else cost += amount
  })
  const total = parseNumber(fields['total'])
  if (total !== undefined && !Number.isNaN(total) && Math.abs(total - cost) > TOLERANCE_KR) {
    problems.push(`Kostnadsraderna summerar till ${kr(cost)} men totalen anges som ${kr(total)}.`)
  }
  const budgetTotal = total !== undefined && !Number.isNaN(total) ? total : cost

  const financing = rowsOf(fields['financing'])
  let funded = 0
  let esf = 0
  financing.forEach((row, i) => {
    const amount = parseNumber(row['amount'])
    if (amount === undefined || Number.isNaN(amount)) {
      problems.push(
        `Finansiär ${i + 1} (${quote(labelOf(row, 'utan namn'))}) saknar ett giltigt belopp.`,
      )
      return
    }
    funded += amount
    if (row['esf'] === true) esf += amount
  })
  let share: number | undefined
  if (financing.length > 0) {
    if (Math.abs(funded - budgetTotal) > TOLERANCE_KR) {
      problems.push(
        `Finansieringen summerar till ${kr(funded)} men kostnaderna till ${kr(budgetTotal)}.`,
      )
    }
    share = budgetTotal > 0 ? (100 * (funded - esf)) / budgetTotal : 0
    const stated = parseNumber(fields['cofinancingPercent'])
    if (
      stated !== undefined &&
      !Number.isNaN(stated) &&
      Math.abs(stated - share) > TOLERANCE_PERCENT
    ) {
      problems.push(
        `Medfinansieringen anges som ${percent(stated)} men beloppen ger ${percent(share)}.`,
      )
    }
    const required = parseNumber(fields['requiredCofinancingPercent']) ?? rule.minCofinancingPercent
    if (required !== undefined && !Number.isNaN(required) && share + 1e-9 < required) {
      problems.push(
        `Medfinansieringen är ${percent(share)} men utlysningen kräver minst ${percent(required)}.`,
      )
    }
  }

  if (problems.length > 0) return { status: 'fail', message: problems.join(' '), sectionKey }
  if (share === undefined) {
    return {
      status: 'warn',
      message: `Kostnaderna summerar till ${kr(budgetTotal)}. Ange också vilka som finansierar projektet och med hur mycket.`,
      sectionKey,
    }
  }
  return {
    status: 'pass',
    message: `Kostnaderna summerar till ${kr(budgetTotal)} och är fullt finansierade; medfinansieringen är ${percent(share)}.`,
    sectionKey,
  }
}
