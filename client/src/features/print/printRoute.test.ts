import { describe, expect, it } from 'vitest'
import { matchPrintRoute, printPath } from './printRoute.ts'

describe('the print route', () => {
  it('matches /d/:id/utskrift only and round-trips the id', () => {
    expect(matchPrintRoute(printPath('abc 1/å'))).toBe('abc 1/å')
    expect(matchPrintRoute('/d/abc/utskrift/')).toBe('abc')
    expect(matchPrintRoute('/d/abc')).toBeNull()
    expect(matchPrintRoute('/d/abc/logg')).toBeNull()
    expect(matchPrintRoute('/d//utskrift')).toBeNull()
  })
})
