import { describe, expect, it } from 'vitest'
import { hashSectionText } from './hashSectionText.ts'

describe('hashSectionText', () => {
  it('is FNV-1a 64 (published test vectors)', () => {
    expect(hashSectionText('')).toBe('cbf29ce484222325')
    expect(hashSectionText('a')).toBe('af63dc4c8601ec8c')
  })

  it('ignores whitespace layout and Unicode composition, not words', () => {
    const base = hashSectionText('Målgruppen är unga vuxna.')
    expect(hashSectionText('  Målgruppen  är\nunga vuxna. ')).toBe(base)
    expect(hashSectionText('Ma\u030Algruppen är unga vuxna.')).toBe(base)
    expect(hashSectionText('Målgruppen är äldre vuxna.')).not.toBe(base)
  })
})
