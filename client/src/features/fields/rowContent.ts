import type { FieldColumn } from './FieldTable.tsx'

/** Beyond this a row's content is cut short: it names a button, it does not repeat the row. */
const MAX_LENGTH = 60

/**
 * What a table row says in its text and year cells, in column order ("Personal, 2026"), for naming the
 * row's buttons by what the user wrote rather than by its place alone; '' when they are empty.
 *
 * @example
 * rowContent({ label: 'Personal', year: '2026', amount: 800000 }, budgetColumns) // 'Personal, 2026'
 */
export function rowContent(values: Record<string, unknown>, columns: readonly FieldColumn[]): string {
  const text = columns
    .filter((column) => column.type === 'text' || column.type === 'year')
    .map((column) => values[column.key])
    .map((value) => (typeof value === 'string' || typeof value === 'number' ? String(value).replace(/\s+/g, ' ').trim() : ''))
    .filter(Boolean)
    .join(', ')
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1).trimEnd()}…` : text
}
