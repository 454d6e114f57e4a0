/** The heading levels a section's text offers (its editor, toolbar and Markdown shortcuts). */
export const SECTION_TEXT_HEADING_LEVELS = [3, 4] as const

/**
 * The level a heading inside a section's text has on a page, in the print view and in exports:
 * the document's title is level 1 and a section's title level 2, so the text's own headings
 * start at 3. Text written before the editor offered only 3 and 4 may hold 1 or 2: they read as 3.
 *
 * @example
 * sectionHeadingLevel(1) // 3
 * sectionHeadingLevel(4) // 4
 */
export function sectionHeadingLevel(level: unknown): 3 | 4 | 5 | 6 {
  const n = Number(level)
  return (Number.isInteger(n) ? Math.min(6, Math.max(3, n)) : 3) as 3 | 4 | 5 | 6
}
