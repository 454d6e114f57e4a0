import { describe, expect, it } from 'vitest'
import { excerpt } from './excerpt.ts'

describe('excerpt', () => {
  it('keeps a short text, on one line', () => {
    expect(excerpt('  unga\n vuxna\t i regionen ')).toBe('unga vuxna i regionen')
  })

  it('cuts a long text to at most 40 characters, ending in an ellipsis', () => {
    const cut = excerpt('kvinnor och män i åldern 18–29 år som står långt från arbetsmarknaden')
    expect(cut).toBe('kvinnor och män i åldern 18–29 år som s…')
    expect(cut.length).toBe(40)
  })

  it('does not leave a space before the ellipsis', () => {
    expect(excerpt('abc def', 5)).toBe('abc…')
  })
})
