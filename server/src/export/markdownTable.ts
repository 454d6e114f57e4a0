import { escapeMarkdown } from './escapeMarkdown.ts'

/** A GFM pipe-table cell: one line, with `|` and other syntax escaped (an amount's no-break spaces kept). */
function cell(text: string): string {
  return escapeMarkdown(text.replace(/[ \t\r\n]+/g, ' ').trim())
}

const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`

/**
 * A GFM pipe table: a header row, one line per row, numeric columns aligned right, and sum rows
 * last with their label in bold (GFM has no table footer).
 */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: { numeric?: readonly boolean[]; totals?: readonly (readonly string[])[] } = {},
): string {
  const rule = `|${headers.map((_, column) => (options.numeric?.[column] ? ' ---: |' : ' --- |')).join('')}`
  const totals = (options.totals ?? []).map(([label = '', ...rest]) => line([label ? `**${cell(label)}**` : '', ...rest.map(cell)]))
  return [line(headers.map(cell)), rule, ...rows.map((row) => line(row.map(cell))), ...totals].join('\n')
}
