import { describe, expect, it } from 'vitest'
import { CloseCodes, shouldReconnect } from './CloseCodes.ts'

describe('shouldReconnect', () => {
  it('retries what a new connection can fix, unlike the stock provider that gives up on all of 4400–4499', () => {
    for (const name of ['rateLimited', 'sessionChanged', 'storageUnavailable'] as const) {
      expect(shouldReconnect(CloseCodes[name].code), name).toBe(true)
    }
  })

  it('stops where the user must act first: log in, get access, or reload a refused copy', () => {
    for (const name of ['malformed', 'unauthorized', 'notFound', 'forbidden', 'missingDependency', 'tooLarge'] as const) {
      expect(shouldReconnect(CloseCodes[name].code), name).toBe(false)
    }
  })
})
