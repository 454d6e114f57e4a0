import type { BulletLine } from './parseBulletLine.ts'
import type { PlanTextItem } from './draftsFromItems.ts'
import type { PlanTextLine } from './PlanTextLine.ts'
import type { PlanTextMessage } from './PlanTextMessage.ts'
import type { ResolvedHeading } from './resolveHeadingMonths.ts'
import { formatYearMonth } from './formatYearMonth.ts'
import { startsWithDate } from './startsWithDate.ts'
import { yearMonthFromIndex } from './yearMonthFromIndex.ts'

type Item = PlanTextItem & { parts: string[] }

/** How the list under the current heading is drawn, learned from its first item. */
interface Block {
  heading: ResolvedHeading
  hasBullets: boolean
  top: { indent: number; secondary: boolean } | null
  count: number
}

function label(heading: ResolvedHeading): string {
  const start = formatYearMonth(yearMonthFromIndex(heading.start))
  if (heading.end === heading.start) return start
  return `${start}–${formatYearMonth(yearMonthFromIndex(heading.end))}`
}

/** Walks the classified lines once, building items under the heading they belong to. */
class Collector {
  readonly items: Item[] = []
  readonly warnings: PlanTextMessage[] = []
  readonly errors: PlanTextMessage[] = []
  private block: Block | null = null
  private current: Item | null = null
  /** What a wrapped line would continue: the item's title or its last description line. */
  private last: 'title' | 'part' | null = null
  private subIndents: number[] = []

  constructor(private readonly headings: readonly ResolvedHeading[]) {}

  heading(body: readonly PlanTextLine[], index: number, line: number): void {
    this.closeBlock()
    const heading = this.headings[index]
    this.current = null
    this.last = null
    if (!heading) return
    const hasBullets = body.some((other) => other.kind === 'bullet')
    this.block = { heading, hasBullets, top: null, count: 0 }
    if (!hasBullets && body.some((other) => other.kind === 'text')) {
      this.warn(line, `Inga punkter under ${label(heading)}: varje rad tolkas som en aktivitet.`)
    }
  }

  bullet(bullet: BulletLine, line: number): void {
    const block = this.block
    if (!block) {
      this.errors.push({
        line,
        message:
          'Punkten står före första månadsrubriken. Lägg till en rubrik som ”Oktober 2023” ovanför.',
      })
      return
    }
    if (!bullet.text) return this.warn(line, 'Tom punkt hoppas över.')
    const top = block.top
    // Deeper indentation nests; so does a second-level glyph (◦, o) under first-level ones,
    // since Word and Google Docs often drop the indentation when copying as text.
    const nested = top && (bullet.indent > top.indent || (bullet.secondary && !top.secondary))
    if (!nested || !this.current) {
      block.top ??= { indent: bullet.indent, secondary: bullet.secondary }
      return this.startItem(bullet.text, line)
    }
    const indents = this.subIndents
    while (indents.length > 0 && (indents[indents.length - 1] ?? 0) > bullet.indent) indents.pop()
    if (indents[indents.length - 1] !== bullet.indent) indents.push(bullet.indent)
    this.current.parts.push(`${'  '.repeat(indents.length - 1)}• ${bullet.text}`)
    this.last = 'part'
  }

  text(text: string, indent: number, afterBlank: boolean, line: number): void {
    const block = this.block
    if (!block) return this.warn(line, 'Raden står före första månadsrubriken och hoppas över.')
    if (!block.hasBullets) return this.startItem(text, line)
    const item = this.current
    if (startsWithDate(text)) {
      // Glued onto the item above it would hide a month the user meant (see startsWithDate).
      this.warn(line, `Raden ”${text}” kunde inte läsas och hoppas över: den är varken en månadsrubrik eller en punkt. Skriv månaden på en egen rad, t.ex. ”Maj 2027”, och aktiviteten som en punkt under den.`)
      this.current = null
      this.last = null
      return
    }
    if (item && this.last && !afterBlank) {
      // A wrapped line continues whatever it follows, as in Markdown.
      if (this.last === 'title') item.title = `${item.title} ${text}`
      else item.parts[item.parts.length - 1] += ` ${text}`
      return
    }
    if (item && this.last && indent > (block.top?.indent ?? 0)) {
      item.parts.push(text)
      this.last = 'part'
      return
    }
    this.warn(line, 'Raden är varken en månadsrubrik eller en punkt och hoppas över.')
    this.current = null
    this.last = null
  }

  closeBlock(): void {
    const block = this.block
    if (block && block.count === 0) {
      this.warn(block.heading.line, `Inga aktiviteter under ${label(block.heading)}.`)
    }
  }

  private startItem(title: string, line: number): void {
    const block = this.block
    if (!block) return
    const { start, end } = block.heading
    this.current = { title, description: '', parts: [], line, start, end }
    this.items.push(this.current)
    block.count++
    this.last = 'title'
    this.subIndents = []
  }

  private warn(line: number, message: string): void {
    this.warnings.push({ line, message })
  }
}

/**
 * Builds the list items of a pasted plan: each bullet under a heading is an item, deeper
 * bullets and indented paragraphs become its description, wrapped lines continue it. Under a
 * heading without any bullets every line is an item. `headings` are the resolved months of
 * the heading lines, in order.
 */
export function collectPlanItems(
  lines: readonly PlanTextLine[],
  headings: readonly ResolvedHeading[],
): { items: PlanTextItem[]; warnings: PlanTextMessage[]; errors: PlanTextMessage[] } {
  const collector = new Collector(headings)
  let headingIndex = 0
  let previousBlank = false
  lines.forEach((line, i) => {
    const afterBlank = previousBlank
    previousBlank = line.kind === 'blank'
    if (line.kind === 'heading') {
      const rest = lines.slice(i + 1)
      const next = rest.findIndex((other) => other.kind === 'heading')
      collector.heading(next < 0 ? rest : rest.slice(0, next), headingIndex++, i + 1)
    } else if (line.kind === 'bullet') {
      collector.bullet(line.bullet, i + 1)
    } else if (line.kind === 'text') {
      collector.text(line.text, line.indent, afterBlank, i + 1)
    }
  })
  collector.closeBlock()
  const items = collector.items.map(({ parts, ...item }) => ({
    ...item,
    description: parts.join('\n'),
  }))
  return { items, warnings: collector.warnings, errors: collector.errors }
}
