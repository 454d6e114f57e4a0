import { describe, expect, it } from 'vitest'
import { LoginThrottle } from './LoginThrottle.ts'

const limits = { accountFromAddress: 3, address: 5, account: 5 }
const fail = (throttle: LoginThrottle, email: string, address: string, times: number, now = 0) => {
  for (let i = 0; i < times; i++) throttle.recordFailure({ email, address }, now)
}

describe('LoginThrottle', () => {
  it('blocks one account from one address after its failures, and frees it when the window ends', () => {
    const throttle = new LoginThrottle(limits, 1000)
    fail(throttle, 'a@b.se', '10.0.0.1', 3)
    expect(throttle.isBlocked({ email: 'a@b.se', address: '10.0.0.1' }, 10)).toBe(true)
    expect(throttle.isBlocked({ email: 'a@b.se', address: '10.0.0.1' }, 1001)).toBe(false)
  })

  it("does not lock out the account's owner elsewhere, nor colleagues behind the same address", () => {
    const throttle = new LoginThrottle(limits, 1000)
    fail(throttle, 'a@b.se', '10.0.0.1', 3)
    expect(throttle.isBlocked({ email: 'a@b.se', address: '10.0.0.2' }, 10)).toBe(false)
    expect(throttle.isBlocked({ email: 'colleague@b.se', address: '10.0.0.1' }, 10)).toBe(false)
  })

  it('blocks an address that tries many accounts, and an account tried from many addresses', () => {
    const throttle = new LoginThrottle(limits, 1000)
    for (let i = 0; i < 5; i++) fail(throttle, `user${i}@b.se`, '10.0.0.9', 1)
    expect(throttle.isBlocked({ email: 'fresh@b.se', address: '10.0.0.9' }, 10)).toBe(true)
    for (let i = 0; i < 5; i++) fail(throttle, 'target@b.se', `10.0.1.${i}`, 1)
    expect(throttle.isBlocked({ email: 'target@b.se', address: '10.0.2.1' }, 10)).toBe(true)
  })

  it("starts over this account's count from this address at a right password, not the address's or the account's", () => {
    const throttle = new LoginThrottle(limits, 1000)
    fail(throttle, 'a@b.se', '10.0.0.1', 2)
    throttle.recordSuccess({ email: 'a@b.se', address: '10.0.0.1' })
    fail(throttle, 'a@b.se', '10.0.0.1', 2)
    expect(throttle.isBlocked({ email: 'a@b.se', address: '10.0.0.1' }, 10)).toBe(false)
    // The address has four failures behind it: a fifth, for any account, blocks it.
    fail(throttle, 'other@b.se', '10.0.0.1', 1)
    expect(throttle.isBlocked({ email: 'a@b.se', address: '10.0.0.1' }, 10)).toBe(true)
  })

  it("keeps counting guesses at an account from elsewhere when its owner logs in", () => {
    const throttle = new LoginThrottle(limits, 1000)
    for (let i = 0; i < 4; i++) fail(throttle, 'target@b.se', `10.0.1.${i}`, 1)
    throttle.recordSuccess({ email: 'target@b.se', address: '10.0.9.9' })
    fail(throttle, 'target@b.se', '10.0.1.8', 1)
    expect(throttle.isBlocked({ email: 'target@b.se', address: '10.0.2.1' }, 10)).toBe(true)
  })
})
