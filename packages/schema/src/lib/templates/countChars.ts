// Characters Word and PDF readers leave in pasted text that no reader sees. Removing them
// (rather than counting them) is what makes our count agree with what the writer sees.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g

// \s covers tabs, line breaks, NBSP (U+00A0), narrow NBSP and the other Unicode spaces.
const WHITESPACE_RUN = /\s+/g

/**
 * Counts characters the way we apply the ESF+ portal's limits (DOMAIN.md, "Templates"):
 *
 * 1. The text is plain text (no markup); Unicode is normalised to NFC, so an "å" typed as
 *    "a" + combining ring counts once.
 * 2. Invisible characters are removed: zero-width space/joiners (U+200B–U+200D), word joiner
 *    (U+2060), byte-order mark (U+FEFF), soft hyphen (U+00AD) and Mongolian vowel separator.
 * 3. Leading and trailing whitespace is dropped and every remaining run of whitespace
 *    (spaces, tabs, NBSP, line breaks, empty paragraphs) counts as exactly one character.
 * 4. Spaces are included. What remains is counted in UTF-16 code units, as a browser's
 *    `maxlength` does, so an emoji counts as two and we never report less than the form.
 *
 * @example
 * countChars('Hej  världen') // 11
 * countChars('Rad ett\n\n\tRad två\u200B') // 15
 */
export function countChars(text: string): number {
  return text.normalize('NFC').replace(INVISIBLE, '').trim().replace(WHITESPACE_RUN, ' ').length
}
