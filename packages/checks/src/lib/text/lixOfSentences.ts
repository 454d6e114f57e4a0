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
// Nearly every Swedish word is plain Latin-1 letters; counting those by length skips a regex.
const LATIN_WORD = /^[A-Za-zÀ-ÖØ-öø-ÿ]+$/

/** LIX of text already split by `splitSentences` (sentences are single-space joined). */
export function lixOfSentences(list: readonly string[]): LixDetails {
  let words = 0
  let sentences = 0
  let longWords = 0
  for (const sentence of list) {
    let wordsInSentence = 0
    for (const chunk of sentence.split(' ')) {
      const letters = LATIN_WORD.test(chunk) ? chunk.length : (chunk.match(LETTER)?.length ?? 0)
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
