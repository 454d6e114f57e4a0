import type { DraftActivity, Recurrence } from './Activity.ts'
import type { PlanTextMessage } from './PlanTextMessage.ts'
import { formatYearMonth } from './formatYearMonth.ts'
import { normalizeTitle } from './normalizeTitle.ts'
import { yearMonthFromIndex } from './yearMonthFromIndex.ts'

/** One list item under a month heading, with its heading's months as indexes. */
export interface PlanTextItem {
  title: string
  description: string
  line: number
  start: number
  end: number
}

interface Run {
  items: PlanTextItem[]
  step: 1 | 3 | null
}

function gap(items: readonly PlanTextItem[], i: number): number | null {
  const a = items[i]
  const b = items[i + 1]
  return a && b ? b.start - a.start : null
}

// Maximal runs of months one apart (monthly) or, three or more times, three apart
// (quarterly); anything else stays a one-off. A gap such as a summer break splits the series.
function runs(items: readonly PlanTextItem[]): Run[] {
  const result: Run[] = []
  let i = 0
  while (i < items.length) {
    const step = gap(items, i)
    let j = i
    if (step === 1 || step === 3) {
      while (gap(items, j) === step) j++
    }
    const length = j - i + 1
    if (length === 1 || (step === 3 && length < 3)) {
      result.push({ items: items.slice(i, i + 1), step: null })
      i++
    } else {
      result.push({ items: items.slice(i, j + 1), step: step as 1 | 3 })
      i = j + 1
    }
  }
  return result
}

function span(run: Run): string {
  const first = run.items[0]
  const last = run.items[run.items.length - 1]
  if (!first || !last) return ''
  const from = formatYearMonth(yearMonthFromIndex(first.start))
  return first === last ? from : `${from}–${formatYearMonth(yearMonthFromIndex(last.end))}`
}

function draft(items: readonly PlanTextItem[], recurrence: Recurrence | null): DraftActivity {
  const first = items[0] as PlanTextItem
  const last = items[items.length - 1] as PlanTextItem
  // Sub-bullets may differ from month to month; keep each distinct text once, in order.
  const descriptions = [...new Set(items.map((item) => item.description).filter(Boolean))]
  return {
    title: first.title,
    description: descriptions.join('\n'),
    owner: null,
    start: yearMonthFromIndex(first.start),
    end: yearMonthFromIndex(last.end),
    status: 'planerad',
    phase: '',
    links: [],
    recurrence,
    sourceLines: items.map((item) => item.line).sort((a, b) => a - b),
  }
}

/**
 * Turns list items into draft activities. Items under a range heading ("Maj–juli") span that
 * range. Items under single-month headings with the same title (see `normalizeTitle`) in
 * consecutive months become one recurring activity instead of one copy per month.
 */
export function draftsFromItems(items: readonly PlanTextItem[]): {
  drafts: DraftActivity[]
  warnings: PlanTextMessage[]
} {
  const warnings: PlanTextMessage[] = []
  const drafts: DraftActivity[] = []
  const byTitle = new Map<string, PlanTextItem[]>()
  // Copies, because merging a repeated item into its twin edits the twin's description.
  for (const item of items.map((original) => ({ ...original }))) {
    if (item.end !== item.start) {
      drafts.push(draft([item], null))
      continue
    }
    const key = normalizeTitle(item.title)
    const group = byTitle.get(key) ?? []
    const twin = group.find((other) => other.start === item.start)
    if (twin) {
      warnings.push({
        line: item.line,
        message: `”${item.title}” står redan på rad ${twin.line} under samma månad och tas med en gång.`,
      })
      if (item.description)
        twin.description = [twin.description, item.description].filter(Boolean).join('\n')
      continue
    }
    group.push(item)
    byTitle.set(key, group)
  }
  for (const group of byTitle.values()) {
    group.sort((a, b) => a.start - b.start)
    const series = runs(group)
    for (const run of series) {
      const recurrence: Recurrence | null = run.step
        ? { every: run.step === 3 ? 'quarter' : 'month' }
        : null
      drafts.push(draft(run.items, recurrence))
    }
    const second = series[1]?.items[0]
    if (second && series.some((run) => run.step !== null)) {
      warnings.push({
        line: second.line,
        message: `”${second.title}” återkommer med uppehåll och blir ${series.length} aktiviteter (${series.map(span).join(', ')}).`,
      })
    }
  }
  drafts.sort((a, b) => (a.sourceLines[0] ?? 0) - (b.sourceLines[0] ?? 0))
  return { drafts, warnings }
}
