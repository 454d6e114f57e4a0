/** One labelled value of a section's fields, e.g. "Projektägare: Finsam Väst". */
export interface FieldsFact {
  label: string
  value: string
}

/** A group of labelled values, written as a list. */
export interface FieldsFacts {
  kind: 'facts'
  title: string
  facts: FieldsFact[]
}

/** A table of a section's fields, every cell already text. */
export interface FieldsTable {
  kind: 'table'
  title: string
  headers: string[]
  /** Per column: whether it holds numbers (aligned right). */
  numeric: boolean[]
  rows: string[][]
  /** Sum rows under the table, each as long as `headers` (first cell the label). */
  totals: string[][]
}

export type FieldsBlock = FieldsFacts | FieldsTable

/**
 * A section's structured values as the print view and the exports show them: Swedish labels,
 * numbers written the Swedish way, and where they go relative to the section's text (as the
 * document page places its form).
 */
export interface FieldsView {
  placement: 'before' | 'after'
  blocks: FieldsBlock[]
}
