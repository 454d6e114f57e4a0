import type { DocumentIndex } from '../DocumentIndex.ts'
import { quote } from '../format/quote.ts'
import { plural } from '../format/plural.ts'
import type { RuleOutcome } from './RuleOutcome.ts'
import type { RuleOf } from './types.ts'

const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/u
const MAX_LISTED = 5

/** 'YYYY-MM' of a 'YYYY-MM' or 'YYYY-MM-DD' value; undefined when empty, null when malformed. */
function monthOf(value: unknown): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined
  return typeof value === 'string' && DATE.test(value.trim()) ? value.trim().slice(0, 7) : null
}

function fullOf(value: unknown): string | undefined {
  return typeof value === 'string' && DATE.test(value.trim()) ? value.trim() : undefined
}

/**
 * Time plan: the project starts before it ends, and every activity starts no later than it
 * ends and lies inside the project period. Activities are compared by month, the plan's grain.
 */
export function planDates(
  rule: RuleOf<'plan-dates'>,
  index: DocumentIndex,
  advice: string,
): RuleOutcome {
  const sectionKey = rule.sectionKey
  const plan = index.section(sectionKey)?.fields ?? {}
  const periodFields = rule.periodSectionKey
    ? (index.section(rule.periodSectionKey)?.fields ?? {})
    : {}
  const rawStart = rule.periodSectionKey ? periodFields['start'] : plan['periodStart']
  const rawEnd = rule.periodSectionKey ? periodFields['end'] : plan['periodEnd']
  const problems: string[] = []
  const periodStart = monthOf(rawStart)
  const periodEnd = monthOf(rawEnd)
  if (periodStart === null || periodEnd === null)
    problems.push('Projektperiodens start eller slut har fel format (ÅÅÅÅ-MM-DD).')
  const fullStart = fullOf(rawStart)
  const fullEnd = fullOf(rawEnd)
  const periodKnown = typeof periodStart === 'string' && typeof periodEnd === 'string'
  // With whole dates a one-day project is still backwards; with months, start = end is one month.
  const backwards =
    periodKnown &&
    (fullStart?.length === 10 && fullEnd?.length === 10
      ? fullStart >= fullEnd
      : periodStart > periodEnd)
  if (backwards) {
    problems.push(
      `Projektperioden måste börja före den slutar (nu ${fullStart ?? periodStart} – ${fullEnd ?? periodEnd}).`,
    )
  }

  const raw = plan['activities']
  const activities = Array.isArray(raw)
    ? raw.filter((a): a is Record<string, unknown> => a !== null && typeof a === 'object')
    : []
  if (activities.length === 0 && problems.length === 0) {
    return {
      status: 'warn',
      message: `Tidsplanen har inga aktiviteter ännu. ${advice}`,
      sectionKey,
    }
  }
  activities.forEach((activity, i) => {
    const title =
      typeof activity['title'] === 'string' && activity['title'].trim() !== ''
        ? quote(activity['title'].trim())
        : `Aktivitet ${i + 1}`
    const start = monthOf(activity['start'])
    const end = monthOf(activity['end'])
    if (typeof start !== 'string' || typeof end !== 'string') {
      problems.push(`${title} saknar giltig start- eller slutmånad (ÅÅÅÅ-MM).`)
    } else if (start > end) {
      problems.push(`${title} slutar (${end}) innan den börjar (${start}).`)
    } else if (periodKnown && (start < periodStart || end > periodEnd)) {
      problems.push(
        `${title} (${start} – ${end}) ligger utanför projektperioden ${periodStart} – ${periodEnd}.`,
      )
    }
  })
  if (problems.length > 0) {
    const rest = problems.length - MAX_LISTED
    const listed = problems.slice(0, MAX_LISTED).join(' ')
    return {
      status: 'fail',
      message: rest > 0 ? `${listed} Och ${rest} till.` : listed,
      sectionKey,
    }
  }
  if (!periodKnown) {
    const where = rule.periodSectionKey ? ` i ${quote(index.titleOf(rule.periodSectionKey))}` : ''
    return {
      status: 'warn',
      message: `${plural(activities.length, 'aktivitet', 'aktiviteter')} med start före slut. Ange projektets start och slut${where} så kontrolleras också att aktiviteterna ligger inom perioden.`,
      sectionKey,
    }
  }
  return {
    status: 'pass',
    message: `${plural(activities.length, 'aktivitet', 'aktiviteter')}, alla inom projektperioden ${periodStart} – ${periodEnd}.`,
    sectionKey,
  }
}
