/** A section's text as its hash sees it: NFC, trimmed, whitespace runs collapsed to one space. */
export function normalizeSectionText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ')
}
