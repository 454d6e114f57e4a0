import type { FieldsView } from '@samskriv/schema'
import { escapeMarkdown } from './escapeMarkdown.ts'
import { markdownTable } from './markdownTable.ts'

/** A section's structured values in Markdown: each table (GFM) or list under its title in bold. */
export function fieldsToMarkdown(view: FieldsView): string {
  return view.blocks
    .map((block) => {
      const body =
        block.kind === 'table'
          ? markdownTable(block.headers, block.rows, { numeric: block.numeric, totals: block.totals })
          : block.facts.map((fact) => `- **${escapeMarkdown(fact.label)}:** ${escapeMarkdown(fact.value)}`).join('\n')
      return `**${escapeMarkdown(block.title)}**\n\n${body}`
    })
    .join('\n\n')
}
