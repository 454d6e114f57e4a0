/** A word of running text as the matchers see it. */
export interface Token {
  /** Lower-cased, NFC-normalised letters and digits; punctuation and hyphens split words. */
  word: string
  /** Index of the sentence (see `splitSentences`) the word belongs to. */
  sentence: number
  /** True for a run of digits ("52", "2024"), which statistics rules look for. */
  number: boolean
}

// Letters, combining marks and digits. A hyphen splits words so that "hbtq-personer" and
// "e-tjänst" can be matched as phrases ("hbtq personer", "e tjänst*").
const WORD = /[\p{L}\p{M}\p{N}]+/gu
const DIGITS = /^\p{N}+$/u

/**
 * Splits one sentence into tokens. Lower-casing is locale-independent on purpose: the result
 * must not depend on the server's locale, and Å/Ä/Ö lower-case the same everywhere.
 *
 * @example
 * tokenize('Kvinnor och män', 0).map((t) => t.word) // ['kvinnor', 'och', 'män']
 */
export function tokenize(sentence: string, sentenceIndex: number): Token[] {
  const tokens: Token[] = []
  for (const match of sentence.normalize('NFC').toLowerCase().matchAll(WORD)) {
    const word = match[0]
    tokens.push({ word, sentence: sentenceIndex, number: DIGITS.test(word) })
  }
  return tokens
}
