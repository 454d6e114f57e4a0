/** The heading levels a section's text offers (its editor, toolbar and Markdown shortcuts). */
export const SECTION_TEXT_HEADING_LEVELS = [3, 4] as const

/**
 * The level a heading inside a section's text has on a page, in the print view and in exports:
 * the document's title is level 1 and a section's title level 2, so the text's own headings
 * start at 3. Text written before the editor offered 3 and 4 holds 1 and 2 for the same two
 * steps (it was shown two levels down): they read as 3 and 4, so its hierarchy is kept.
 *
 * @example
 * sectionHeadingLevel(1) // 3
 * sectionHeadingLevel(4) // 4
 */
export function sectionHeadingLevel(level: unknown): 3 | 4 | 5 | 6 {
  const n = Number(level)
  if (!Number.isInteger(n) || n < 1) return 3
  return Math.min(6, n <= 2 ? n + 2 : n) as 3 | 4 | 5 | 6
}
