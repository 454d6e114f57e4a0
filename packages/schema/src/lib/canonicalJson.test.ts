import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonicalJson.ts'

describe('canonicalJson', () => {
  it('sorts keys at every level and writes values as JSON does', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }, null] })).toBe('{"a":[{"c":"x","d":2},null],"b":1}')
    expect(canonicalJson({ a: undefined, b: [undefined, null] })).toBe('{"b":[null,null]}')
    expect(canonicalJson({ 'é"': true })).toBe('{"é\\"":true}')
  })

  it('writes values JSON has no word for as themselves, so they never read as another value', () => {
    expect(canonicalJson({ target: 30n })).toBe('{"target":30n}')
    expect(canonicalJson({ target: 30n })).not.toBe(canonicalJson({ target: '30' }))
    expect(canonicalJson([Number.NaN, Number.POSITIVE_INFINITY])).toBe('[NaN,Infinity]')
    expect(canonicalJson([Number.POSITIVE_INFINITY])).not.toBe(canonicalJson([null]))
  })
})
