import { describe, expect, it } from 'vitest'
import { MAX_PRESENCE_DEPTH, presenceFits } from './presenceFits.ts'

function nested(depth: number): Record<string, unknown> {
  return JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)) as Record<string, unknown>
}

describe('presenceFits', () => {
  it("takes the app's own state: a user and a caret's relative positions", () => {
    const position = { type: null, tname: 'section:s1', item: { client: 123456789, clock: 42 }, assoc: 0 }
    expect(presenceFits({ user: { id: 'u', name: 'Anna', color: '#123456' }, cursor: { anchor: position, head: position } }, 16_384)).toBe(true)
  })

  it('refuses a state longer than the limit as JSON', () => {
    expect(presenceFits({ pad: 'x'.repeat(100) }, 100)).toBe(false)
    expect(presenceFits({ pad: 'x'.repeat(90) }, 100)).toBe(true)
  })

  it('refuses nesting beyond the depth without overflowing the stack, however deep', () => {
    expect(presenceFits(nested(MAX_PRESENCE_DEPTH - 1), 16_384)).toBe(true)
    expect(presenceFits(nested(MAX_PRESENCE_DEPTH + 1), 16_384)).toBe(false)
    // JSON.stringify throws RangeError on this one.
    const deep = nested(10_000)
    expect(() => JSON.stringify(deep)).toThrow(RangeError)
    expect(presenceFits(deep, 100_000_000)).toBe(false)
  })

  it('stops counting at the limit: a wide state is refused without being encoded', () => {
    expect(presenceFits({ many: Array.from({ length: 200 }, () => 0) }, 100)).toBe(false)
  })
})
