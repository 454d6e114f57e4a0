// The period in these never ends a sentence: they sit mid-sentence in Swedish prose.
const INNER_ABBREVIATIONS = new Set([
  't.ex.',
  'bl.a.',
  'dvs.',
  'd.v.s.',
  's.k.',
  'p.g.a.',
  'pga.',
  'f.d.',
  'fr.o.m.',
  't.o.m.',
  'ca.',
  'cirka.',
  'inkl.',
  'exkl.',
  'jfr.',
  'resp.',
  'enl.',
  'kap.',
  'nr.',
  'kl.',
  'st.',
  'tel.',
  'o.d.',
  'e.d.',
  'ev.',
])

// These often close a list at the very end of a sentence, so they end one only when the next
// word starts with a capital letter ("… papper m.m. Sedan …").
const FINAL_ABBREVIATIONS = new Set(['osv.', 'o.s.v.', 'm.m.', 'mm.', 'm.fl.', 'etc.', 'o.dyl.'])

const CLOSERS = /["'”’»)\]]+$/u
const OPENERS = /^["'“”«([]+/u
const TERMINATED = /[.!?]$/u
const LIST_MARKER = /^\p{N}+\.$/u
const INITIAL = /^\p{Lu}\.$/u
const STARTS_UPPER = /^["'“”«(]*\p{Lu}/u

// Most words end in a letter or a comma; only these last characters can end a sentence.
const MAY_END = new Set(['.', '!', '?', '"', "'", '”', '’', '»', ')', ']'])

function endsSentence(chunk: string, next: string | undefined, isFirst: boolean): boolean {
  if (!MAY_END.has(chunk.charAt(chunk.length - 1))) return false
  const bare = chunk.replace(CLOSERS, '').replace(OPENERS, '')
  if (!TERMINATED.test(bare)) return false
  const lower = bare.toLowerCase()
  if (INNER_ABBREVIATIONS.has(lower)) return false
  if (FINAL_ABBREVIATIONS.has(lower)) return next !== undefined && STARTS_UPPER.test(next)
  // "1." opening a line is a list number; "K." is an initial in a name.
  if (isFirst && LIST_MARKER.test(bare)) return false
  if (INITIAL.test(bare)) return false
  return true
}

/**
 * Splits plain text into sentences, the unit LIX and the "same sentence" rules count.
 *
 * - A sentence ends at a word ending in `.`, `!` or `?` (closing quotes and brackets may
 *   follow), and at every line break: headings, list items and paragraphs are separate lines.
 * - `:` and `;` do not end sentences. In our plain text a list introduced by a colon already
 *   has its items on separate lines, and a mid-line colon joins clauses of one thought.
 *   (lix.se counts `:`; our LIX can therefore be slightly higher on colon-heavy prose.)
 * - Abbreviations such as t.ex., bl.a., dvs., s.k. never end a sentence; osv., m.m., m.fl. and
 *   etc. end one only when a capitalised word follows. A decimal point ("3.5") never ends one
 *   because no whitespace follows it.
 * - Blank lines and lines without letters or digits yield no sentence.
 *
 * @example
 * splitSentences('Vi ses t.ex. i maj. Välkommen!') // ['Vi ses t.ex. i maj.', 'Välkommen!']
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  for (const line of text.normalize('NFC').split(/\r\n|[\n\r\u2028\u2029]/u)) {
    const chunks = line.split(/\s+/u).filter((chunk) => chunk.length > 0)
    let current: string[] = []
    chunks.forEach((chunk, index) => {
      current.push(chunk)
      if (endsSentence(chunk, chunks[index + 1], index === 0)) {
        sentences.push(current.join(' '))
        current = []
      }
    })
    if (current.length > 0) sentences.push(current.join(' '))
  }
  return sentences.filter((sentence) => /[\p{L}\p{N}]/u.test(sentence))
}
