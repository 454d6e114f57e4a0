import { sectionHeadingLevel } from '@samskriv/schema'
import { checksToMarkdown } from './checksToMarkdown.ts'
import { escapeMarkdown } from './escapeMarkdown.ts'
import { CHAR_APPENDIX_TITLE, charCountLine, planSectionId, wantsCharAppendix, type ExportDocument } from './exportDocument.ts'
import { fieldsToMarkdown } from './fieldsToMarkdown.ts'
import { planToMarkdown } from './planToMarkdown.ts'
import { isSafeHref, type Block, type Run } from './sectionToBlocks.ts'

/** Escapes what would start a block construct at the beginning of a line (list markers, headings, quotes). */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2').replace(/^(\s*)(\d+)([.)])(?=\s|$)/, '$1$2\\$3')
}

function sameMarks(a: Run, b: Run): boolean {
  return !a.lineBreak && !b.lineBreak && !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.strike === !!b.strike && !!a.code === !!b.code && a.link === b.link
}

function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = []
  for (const run of runs) {
    const last = merged[merged.length - 1]
    if (last && sameMarks(last, run)) merged[merged.length - 1] = { ...last, text: last.text + run.text }
    else merged.push({ ...run })
  }
  return merged
}

/**
 * A link address as a Markdown destination: what could end it early or escape its closing
 * parenthesis is percent-encoded (`encodeURIComponent` leaves parentheses as they are), so an
 * address cannot carry Markdown of its own into the file (an image, another link).
 */
function linkDestination(href: string): string {
  return href.replace(/[()\s<>\\]/g, (char) => (char === '(' ? '%28' : char === ')' ? '%29' : encodeURIComponent(char)))
}

function runToMarkdown(run: Run): string {
  if (run.lineBreak) return '\\\n'
  // Emphasis markers must hug the text: keep surrounding spaces outside them.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? []
  if (!core) return run.text
  let text = run.code ? '`' + core.replace(/`/g, "'") + '`' : escapeMarkdown(core).replace(/\n/g, ' ')
  if (run.strike) text = `~~${text}~~`
  if (run.italic) text = `_${text}_`
  if (run.bold) text = `**${text}**`
  // The address as a browser reads it (`new URL`): control characters encoded, `\\` as `/`.
  if (isSafeHref(run.link)) text = `[${text}](${linkDestination(new URL(run.link).href)})`
  return lead + text + trail
}

export function runsToMarkdown(runs: Run[]): string {
  return mergeRuns(runs).map(runToMarkdown).join('')
}

function blockToMarkdown(block: Block): string {
  let body: string
  if (block.kind === 'code') {
    const code = block.runs.map((run) => run.text).join('')
    const fence = '`'.repeat(Math.max(3, ...[...code.matchAll(/`+/g)].map((m) => m[0].length + 1)))
    body = `${fence}\n${code}\n${fence}`
  } else if (block.kind === 'heading') {
    body = `${'#'.repeat(sectionHeadingLevel(block.level))} ${runsToMarkdown(block.runs)}`
  } else {
    body = escapeLineStart(runsToMarkdown(block.runs))
  }
  if (block.list) {
    const indent = '  '.repeat(block.list.depth)
    const marker = block.list.ordered ? `${block.list.number}. ` : '- '
    const lines = body.split('\n')
    const pad = indent + ' '.repeat(marker.length)
    body = lines.map((line, i) => (i === 0 ? (block.list!.first ? indent + marker : pad) + line : pad + line)).join('\n')
  }
  if (block.quote > 0) {
    const prefix = '> '.repeat(block.quote)
    body = body
      .split('\n')
      .map((line) => prefix + line)
      .join('\n')
  }
  return body
}

export function blocksToMarkdown(blocks: Block[]): string {
  let out = ''
  let previous: Block | undefined
  for (const block of blocks) {
    const text = blockToMarkdown(block)
    if (previous) {
      // Items of one list (or a nested list) stay together; everything else is separated by a blank line.
      const tight = previous.list && block.list && block.list.first && previous.quote === block.quote
      const quoted = Math.min(previous.quote, block.quote)
      out += tight ? '\n' : quoted > 0 ? `\n${'>'.repeat(quoted)}\n` : '\n\n'
    }
    out += text
    previous = block
  }
  return out
}

/**
 * The document as Markdown: title as #, section titles as ##, each section's structured values
 * beside its text and the plan table in its section (at the end when the export has no plan
 * section); the checks report when included.
 */
export function toMarkdown(document: ExportDocument): string {
  const parts = [`# ${escapeMarkdown(document.title)}`]
  const planSection = planSectionId(document)
  for (const section of document.sections) {
    parts.push(`## ${escapeMarkdown(section.title)}`)
    if (section.fields?.placement === 'before') parts.push(fieldsToMarkdown(section.fields))
    const body = blocksToMarkdown(section.blocks)
    if (body.trim()) parts.push(body)
    if (section.fields?.placement === 'after') parts.push(fieldsToMarkdown(section.fields))
    if (document.plan && section.id === planSection) parts.push(planToMarkdown(document.plan, { ownHeading: false }))
  }
  if (document.plan && planSection === undefined) parts.push(planToMarkdown(document.plan, { ownHeading: true }))
  if (document.checks) parts.push(checksToMarkdown(document.checks, document.title))
  if (wantsCharAppendix(document) && document.sections.length > 0) {
    parts.push(`## ${escapeMarkdown(CHAR_APPENDIX_TITLE)}`)
    parts.push(document.sections.map((section) => `- ${escapeMarkdown(charCountLine(section))}`).join('\n'))
  }
  return parts.join('\n\n') + '\n'
}
