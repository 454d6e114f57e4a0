import { describe, expect, it } from 'vitest'
import { formatAmount, formatKronor } from './formatAmount.ts'

describe('formatKronor', () => {
  it('writes whole kronor without decimals and öre with both digits', () => {
    expect(formatKronor(1250000)).toBe('1 250 000 kr')
    expect(formatKronor(150000.5)).toBe('150 000,50 kr')
    expect(formatKronor(0.05)).toBe('0,05 kr')
    expect(formatAmount(40, 1, 1)).toBe('40,0')
  })
})
