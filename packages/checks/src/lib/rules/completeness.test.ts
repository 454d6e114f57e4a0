import { describe, expect, it } from 'vitest'
import { checkItem, esfWith } from '../testing/checkItem.ts'

describe('required-filled rule (A1)', () => {
  it('fails naming empty required sections and points to the first', () => {
    const item = checkItem('A1', esfWith({ orsaker: ' \n ', deltagare: { fields: {} } }))
    expect(item).toMatchObject({ status: 'fail', sectionId: 's-orsaker' })
    expect(item.message).toContain('Fyll i ”Orsaker till problemet” och ”Deltagare”.')
  })

  it('counts structured values as content and ignores optional sections', () => {
    const item = checkItem('A1', esfWith({ transnationellt: '', kontakter: '' }))
    expect(item.status).toBe('pass')
  })
})

describe('char-limits rule (A2)', () => {
  it('fails with the count and how many to cut, counted like the portal', () => {
    // 2 000 characters is the limit of "Utvärdering"; 1 999 letters + NBSP runs + 1 letter = 2 001.
    const item = checkItem('A2', esfWith({ utvardering: `${'a'.repeat(1999)}\u00A0\u00A0\tb` }))
    expect(item).toMatchObject({ status: 'fail', sectionId: 's-utvardering' })
    expect(item.message).toContain(
      '”Utvärdering” har 2\u00A0001 tecken, 1 för många (högst 2\u00A0000).',
    )
  })

  it('does not count zero-width characters pasted from Word', () => {
    const item = checkItem('A2', esfWith({ utvardering: `${'a'.repeat(2000)}\u200B\u200B\uFEFF` }))
    expect(item.status).toBe('pass')
  })
})
