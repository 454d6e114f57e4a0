import { describe, expect, it } from 'vitest'
import { stableOrder } from './stableOrder.ts'

const row = (id: string) => ({ id })

describe('stableOrder', () => {
  it('keeps the frozen order, drops removed rows and appends new ones in sorted order', () => {
    const all = [row('a'), row('b'), row('c'), row('d')].filter((item) => item.id !== 'b')
    expect(stableOrder(['b', 'c', 'a'], all, [row('d'), row('a'), row('c')]).map((item) => item.id)).toEqual(['c', 'a', 'd'])
  })

  it('keeps a frozen row that the filter no longer matches', () => {
    expect(stableOrder(['a', 'b'], [row('a'), row('b')], [row('b')]).map((item) => item.id)).toEqual(['a', 'b'])
  })
})
