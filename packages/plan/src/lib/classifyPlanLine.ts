import type { PlanTextLine } from './PlanTextLine.ts'
import { closestSwedishMonth } from './closestSwedishMonth.ts'
import { parseBulletLine } from './parseBulletLine.ts'
import { parseMonthHeading } from './parseMonthHeading.ts'

// Text pasted from Word and Google Docs carries non-breaking and zero-width spaces.
function clean(raw: string): string {
  return raw
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .trimEnd()
}

/** Classifies one line of pasted plan text; `line` is its 1-based number. */
export function classifyPlanLine(raw: string, line: number): PlanTextLine {
  const text = clean(raw)
  if (!text.trim()) return { kind: 'blank' }
  const bullet = parseBulletLine(text)
  // A month written as a list item ("- Oktober 2023" with activities below it) is a heading too.
  const heading = parseMonthHeading(bullet ? bullet.text : text)
  if (heading?.kind === 'month') return { kind: 'heading', heading: { line, ...heading } }
  if (bullet) return { kind: 'bullet', bullet }
  if (heading?.kind === 'unknown') {
    const suggestion = closestSwedishMonth(heading.word)
    if (suggestion || heading.hasYear || heading.isRange) {
      return { ...heading, kind: 'bad-heading', text: text.trim(), suggestion }
    }
  }
  return { kind: 'text', text: text.trim(), indent: text.length - text.trimStart().length }
}
