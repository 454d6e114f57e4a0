import { splitSentences } from './splitSentences.ts'

export interface LixDetails {
  /** O: words, i.e. whitespace-separated chunks with at least one letter. */
  words: number
  /** M: sentences that contain at least one word. */
  sentences: number
  /** L: words with more than six letters. */
  longWords: number
  /** O/M + 100·L/O; 0 for a text without words. */
  score: number
}

const LETTER = /\p{L}/gu

/**
 * Läsbarhetsindex (Björnsson 1968): LIX = O/M + 100·L/O.
 *
 * Counting rules, so that two implementations can agree:
 * - Sentences come from `splitSentences` (`.!?` and line breaks; abbreviations excluded).
 * - A word is a whitespace-separated chunk containing at least one letter. Numbers such as
 *   "2024" or "46 %" are not words: they carry no reading difficulty LIX can measure.
 *   "t.ex." is one word of 3 letters and "hbtq-personer" one word of 11 letters.
 * - A word is long when it has more than 6 letters; punctuation and digits are not letters.
 *
 * @example
 * lixDetails('Vi ses i maj.') // { words: 4, sentences: 1, longWords: 0, score: 4 }
 */
export function lixDetails(text: string): LixDetails {
  let words = 0
  let sentences = 0
  let longWords = 0
  for (const sentence of splitSentences(text)) {
    let wordsInSentence = 0
    for (const chunk of sentence.split(' ')) {
      const letters = chunk.match(LETTER)?.length ?? 0
      if (letters === 0) continue
      wordsInSentence += 1
      if (letters > 6) longWords += 1
    }
    if (wordsInSentence > 0) {
      words += wordsInSentence
      sentences += 1
    }
  }
  const score = words === 0 ? 0 : words / sentences + (100 * longWords) / words
  return { words, sentences, longWords, score }
}
