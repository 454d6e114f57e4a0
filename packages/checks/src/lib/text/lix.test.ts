import { describe, expect, it } from 'vitest'
import { lix } from './lix.ts'
import { lixDetails } from './lixDetails.ts'

describe('lix', () => {
  it('counts words, sentences and long words by hand', () => {
    // Vi ska ordna möten varje månad. | Alla är välkomna!
    // O = 6 + 3 = 9, M = 2, L = 1 (välkomna: 8 letters)
    // LIX = 9/2 + 100·1/9 = 4.5 + 11.111 = 15.611
    const text = 'Vi ska ordna möten varje månad. Alla är välkomna!'
    expect(lixDetails(text)).toMatchObject({ words: 9, sentences: 2, longWords: 1 })
    expect(lix(text)).toBeCloseTo(15.611, 3)
  })

  it('does not end sentences at t.ex. or bl.a.', () => {
    // Sentence 1: Samordningsförbundet(20) finansierar(11) bl.a.(3) arbetsträning,(13) t.ex.(3)
    //             för(3) unga(4) vuxna.(5)              → 8 words, 3 long
    // Sentence 2: Insatserna(10) följs(5) upp(3) varje(5) kvartal.(7) → 5 words, 2 long
    // LIX = 13/2 + 100·5/13 = 6.5 + 38.462 = 44.962
    const text =
      'Samordningsförbundet finansierar bl.a. arbetsträning, t.ex. för unga vuxna. Insatserna följs upp varje kvartal.'
    expect(lixDetails(text)).toMatchObject({ words: 13, sentences: 2, longWords: 5 })
    expect(lix(text)).toBeCloseTo(44.962, 3)
  })

  it('ends a sentence at a line break, not at a colon, and skips numbers', () => {
    // Lines: "Deltagare 2024" → 1 word (Deltagare, 9 → long); "Kvinnor: 52 %" → 1 word
    // (Kvinnor, 7 → long); "Män: 48 %" → 1 word. O = 3, M = 3, L = 2
    // LIX = 3/3 + 100·2/3 = 1 + 66.667 = 67.667
    expect(lix('Deltagare 2024\nKvinnor: 52 %\nMän: 48 %')).toBeCloseTo(67.667, 3)
    // One sentence: Målet(5) är(2) tydligt:(7) fler(4) ska(3) få(2) arbete.(6)
    // O = 7, M = 1, L = 1 → 7/1 + 100·1/7 = 7 + 14.286 = 21.286
    expect(lix('Målet är tydligt: fler ska få arbete.')).toBeCloseTo(21.286, 3)
  })

  it('lets m.m. end a sentence only before a capital letter', () => {
    // "... papper m.m. till kontoret." is one sentence: 7 words, long: kontoret (8).
    // "Sedan bokar vi lokal." 4 words. O = 11, M = 2, L = 1 → 5.5 + 9.091 = 14.591
    expect(lix('Vi köper pennor, papper m.m. till kontoret. Sedan bokar vi lokal.')).toBeCloseTo(
      14.591,
      3,
    )
    // Here m.m. closes the first sentence: O = 5 + 4 = 9, M = 2, L = 0 → 4.5
    expect(lix('Vi köper pennor, papper m.m. Sedan bokar vi lokal.')).toBeCloseTo(4.5, 3)
  })

  it('is 0 for a text without words', () => {
    expect(lixDetails('')).toEqual({ words: 0, sentences: 0, longWords: 0, score: 0 })
    expect(lix('2024 – 46 %')).toBe(0)
  })

  it('counts letters, not punctuation, in hyphenated and quoted words', () => {
    // "hbtq-personer" has 11 letters (long); "(t.ex." has 3. O = 4, M = 1, L = 1 → 4 + 25 = 29
    expect(lix('Vi når hbtq-personer (t.ex.')).toBeCloseTo(29, 3)
  })
})
