import { describe, expect, it } from 'vitest'
import { readBlockCount } from './readBlockCount.ts'

describe('readBlockCount', () => {
  it('reads one- and multi-byte varuints', () => {
    expect(readBlockCount(new Uint8Array([0, 0]))).toBe(0)
    expect(readBlockCount(new Uint8Array([127]))).toBe(127)
    expect(readBlockCount(new Uint8Array([0x80, 0x01]))).toBe(128)
    expect(readBlockCount(new Uint8Array([0xac, 0x02, 0xff]))).toBe(300)
  })

  it('gives up on truncated or oversized numbers', () => {
    expect(readBlockCount(new Uint8Array())).toBeUndefined()
    expect(readBlockCount(new Uint8Array([0x80]))).toBeUndefined()
    expect(readBlockCount(new Uint8Array(9).fill(0xff))).toBeUndefined()
  })
})
