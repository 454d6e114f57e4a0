import { describe, expect, it } from 'vitest'
import type { CheckStatus } from './CheckReport.ts'
import { verdictOf } from './verdictOf.ts'

const of = (...statuses: CheckStatus[]) => verdictOf(statuses.map((status) => ({ status })))

describe('verdictOf', () => {
  it('ranks fail over pending over warn over pass', () => {
    expect(of('pass', 'warn', 'pending', 'fail')).toBe('fail')
    expect(of('pass', 'warn', 'pending')).toBe('pending')
    expect(of('pass', 'warn')).toBe('warn')
    expect(of('pass')).toBe('pass')
    expect(of()).toBe('pass')
  })
})
