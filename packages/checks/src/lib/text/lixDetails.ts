import { lixOfSentences, type LixDetails } from './lixOfSentences.ts'
import { splitSentences } from './splitSentences.ts'

export type { LixDetails }

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
  return lixOfSentences(splitSentences(text))
}
