import { describe, expect, it } from 'vitest'
import { LoginThrottle } from './LoginThrottle.ts'

describe('LoginThrottle', () => {
  it('blocks after the allowed failures and frees the key when the window ends', () => {
    const throttle = new LoginThrottle(3, 1000)
    const keys = ['email:a@b.se']
    for (let i = 0; i < 3; i++) throttle.recordFailure(keys, 0)
    expect(throttle.isBlocked(keys, 10)).toBe(true)
    expect(throttle.isBlocked(['email:other@b.se'], 10)).toBe(false)
    expect(throttle.isBlocked(keys, 1001)).toBe(false)
  })
})
