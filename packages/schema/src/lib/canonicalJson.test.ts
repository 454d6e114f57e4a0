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

  it('writes bytes as hex in one pass: distinct from an object of their indices, and a large value costs no object walk', () => {
    expect(canonicalJson({ blob: new Uint8Array([0, 15, 255]) })).toBe('{"blob":0x000fff}')
    expect(canonicalJson(new Uint8Array([1]))).not.toBe(canonicalJson({ 0: 1 }))
    // 6 MB took seconds as an object of six million keys (every index listed, then sorted).
    const written = canonicalJson({ blob: new Uint8Array(6_000_000) })
    expect(written.length).toBe('{"blob":0x}'.length + 12_000_000)
  })
})
