import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countChars } from './countChars.ts'

describe('countChars', () => {
  it('counts plain text with spaces included', () => {
    expect(countChars('Hej världen')).toBe(11)
    expect(countChars('')).toBe(0)
  })

  it('collapses runs of spaces, tabs and NBSP to one character', () => {
    expect(countChars('Hej  \t\u00A0världen')).toBe(11)
  })

  it('counts a paragraph break as one character however many blank lines it has', () => {
    expect(countChars('Första stycket.\nAndra.')).toBe(22)
    expect(countChars('Första stycket.\r\n\r\n\nAndra.')).toBe(22)
  })

  it('drops leading and trailing whitespace', () => {
    expect(countChars('  \n Mål \t\n')).toBe(3)
  })

  it('removes zero-width characters and soft hyphens pasted from Word', () => {
    expect(countChars('sam\u00ADord\u200Bnings\u2060förbund\uFEFF')).toBe(
      'samordningsförbund'.length,
    )
  })

  it('counts a decomposed å/ä/ö once (NFC)', () => {
    const decomposed = 'ma\u030Algrupp'
    expect(decomposed.length).toBe(9)
    expect(countChars(decomposed)).toBe(8)
  })

  it('counts an emoji as two, like a browser maxlength', () => {
    expect(countChars('ok 👍')).toBe(5)
  })

  it('never counts more than the raw length and is idempotent on its own normal form', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const normal = text.normalize('NFC')
        expect(countChars(text)).toBeLessThanOrEqual(normal.length)
        const collapsed = normal
          .replace(/[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g, '')
          .trim()
          .replace(/\s+/g, ' ')
        expect(countChars(collapsed)).toBe(countChars(text))
      }),
    )
  })
})
