/**
 * A calendar month as `'YYYY-MM'` (e.g. `'2023-10'`). Plain strings rather than Date objects
 * because a färdplan thinks in months, they survive JSON and Yjs unchanged, and they sort
 * correctly as text.
 */
export type YearMonth = string
