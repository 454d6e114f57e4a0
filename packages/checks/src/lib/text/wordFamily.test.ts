import { describe, expect, it } from 'vitest'
import { tokenize } from './tokenize.ts'
import { wordFamily } from './wordFamily.ts'

const found = (patterns: string[], text: string) =>
  wordFamily('test', patterns)
    .match(tokenize(text, 0))
    .map((match) => match.text)

describe('wordFamily', () => {
  it('matches inflected forms of a stem with ~', () => {
    expect(found(['kvinn~'], 'kvinna kvinnan kvinnor kvinnorna kvinnornas kvinnlig')).toEqual([
      'kvinna',
      'kvinnan',
      'kvinnor',
      'kvinnorna',
      'kvinnornas',
    ])
    expect(found(['pojk~'], 'Pojke, pojkar och pojkarnas fritid')).toEqual([
      'pojke',
      'pojkar',
      'pojkarnas',
    ])
  })

  it('matches derivations with a trailing *', () => {
    expect(found(['jämställ*'], 'jämställdhet, jämställdheten, jämställda och jämställt')).toEqual([
      'jämställdhet',
      'jämställdheten',
      'jämställda',
      'jämställt',
    ])
  })

  it('matches compound tails with a leading *', () => {
    expect(found(['*kvinn~'], 'Invandrarkvinnor och ensamstående-kvinnor')).toEqual([
      'invandrarkvinnor',
      'kvinnor',
    ])
    expect(found(['*diskrimin*'], 'icke-diskriminering och arbetslivsdiskrimineringen')).toEqual([
      'diskriminering',
      'arbetslivsdiskrimineringen',
    ])
  })

  it('keeps short stems exact: män is not man, allmän or mänsklig', () => {
    expect(
      found(['män', 'mäns'], 'Man vet att män och mäns hälsa är en allmän och mänsklig fråga'),
    ).toEqual(['män', 'mäns'])
  })

  it('ignores case and Unicode composition', () => {
    expect(found(['åld*'], 'ÅLDER och A\u030Alder')).toEqual(['ålder', 'ålder'])
    expect(found(['Kön~'], 'KÖNET')).toEqual(['könet'])
  })

  it('matches phrases over consecutive words, also split by hyphens', () => {
    expect(found(['sexuell* läggning*'], 'oavsett sexuella läggningar')).toEqual([
      'sexuella läggningar',
    ])
    expect(found(['e tjänst*'], 'Nya e-tjänster och tjänster')).toEqual(['e tjänster'])
    expect(found(['sexuell* läggning*'], 'sexuell hälsa och läggning')).toEqual([])
  })

  it('rejects malformed patterns at load', () => {
    expect(() => wordFamily('fel', ['kvinn~*'])).toThrow(/Ogiltigt/)
    expect(() => wordFamily('fel', ['t.ex'])).toThrow(/Ogiltigt/)
  })

  it('tests single words', () => {
    const family = wordFamily('kön', ['kön~'])
    expect(family.test('könen')).toBe(true)
    expect(family.test('könsroll')).toBe(false)
  })
})
