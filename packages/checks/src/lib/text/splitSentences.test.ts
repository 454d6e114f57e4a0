import { describe, expect, it } from 'vitest'
import { splitSentences } from './splitSentences.ts'

describe('splitSentences', () => {
  it('splits at . ! ? and at line breaks', () => {
    expect(splitSentences('Ett. Två! Tre?\nRubrik utan punkt\nSista')).toEqual([
      'Ett.',
      'Två!',
      'Tre?',
      'Rubrik utan punkt',
      'Sista',
    ])
  })

  it('keeps abbreviations, decimals, list numbers and initials inside the sentence', () => {
    expect(splitSentences('Vi har s.k. lots, dvs. en person, ca. 3.5 tjänster. Klart.')).toEqual([
      'Vi har s.k. lots, dvs. en person, ca. 3.5 tjänster.',
      'Klart.',
    ])
    expect(splitSentences('1. Kartlägg behoven.')).toEqual(['1. Kartlägg behoven.'])
    expect(splitSentences('Rapport av Anna K. Berg. Klar.')).toEqual([
      'Rapport av Anna K. Berg.',
      'Klar.',
    ])
  })

  it('ends at osv. only before a capital letter and lets closing quotes follow the period', () => {
    expect(splitSentences('Möten, resor osv. ingår. Sedan "slut." Nu')).toEqual([
      'Möten, resor osv. ingår.',
      'Sedan "slut."',
      'Nu',
    ])
    expect(splitSentences('Möten, resor osv. Sedan mer.')).toEqual([
      'Möten, resor osv.',
      'Sedan mer.',
    ])
  })

  it('drops blank lines and lines without words', () => {
    expect(splitSentences('\n\n – \nText.\r\n\r\n')).toEqual(['Text.'])
  })
})
