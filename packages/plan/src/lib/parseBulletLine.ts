/** A list item line of pasted text. */
export interface BulletLine {
  /** Leading whitespace width, a tab counting as four spaces. */
  indent: number
  /** Drawn with a glyph that Word and Google Docs use for second-level items (◦, ○, ▪, o …). */
  secondary: boolean
  text: string
}

// Dashes, asterisks and numbers need a space after them, so "-5 %" or "2024." are not items;
// the round glyphs are unambiguous. Word pastes second-level items as "o" plus a tab.
const BULLET =
  /^([ \t]*)(?:([-*–—+])[ \t]+|([•●◦○▪■□‣➢►·§])[ \t]*|(\d{1,3}|[a-z])[.)][ \t]+|(o)\t[ \t]*)(.*)$/u
const SECONDARY = new Set(['◦', '○', '▪', '■', '□', '‣', '·', '§', 'o'])

/**
 * Recognises a bullet ("-", "•", "*", "–") or numbered ("1.", "2)") list item; null for any
 * other line.
 */
export function parseBulletLine(line: string): BulletLine | null {
  const match = BULLET.exec(line)
  if (!match) return null
  const [, whitespace = '', dash, glyph, number, wordO, text = ''] = match
  const marker = dash ?? glyph ?? wordO ?? number ?? ''
  return {
    indent: whitespace.replace(/\t/g, '    ').length,
    secondary: SECONDARY.has(marker),
    text: text.trim(),
  }
}
