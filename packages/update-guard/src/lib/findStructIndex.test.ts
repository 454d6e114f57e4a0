import { describe, expect, it } from 'vitest'
import { findStructIndex } from './findStructIndex.ts'

const structs = [
  { id: { clock: 3 }, length: 2 },
  { id: { clock: 5 }, length: 1 },
  { id: { clock: 6 }, length: 10 },
]

describe('findStructIndex', () => {
  it('finds the struct covering a clock', () => {
    expect([3, 4, 5, 6, 15].map((clock) => findStructIndex(structs, clock))).toEqual([
      0, 0, 1, 2, 2,
    ])
  })

  it('answers -1 outside the covered clocks instead of throwing', () => {
    expect(findStructIndex(structs, 2)).toBe(-1)
    expect(findStructIndex(structs, 16)).toBe(-1)
    expect(findStructIndex([], 0)).toBe(-1)
  })
})
