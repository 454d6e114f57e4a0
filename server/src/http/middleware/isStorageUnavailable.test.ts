import { StorageUnavailableError } from '@samskriv/collab'
import { describe, expect, it } from 'vitest'
import { isStorageUnavailable } from './isStorageUnavailable.ts'

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code })

describe('isStorageUnavailable', () => {
  it('recognises a database that is away', () => {
    expect(isStorageUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true)
    expect(isStorageUnavailable(withCode('terminating connection due to administrator command', '57P01'))).toBe(true)
    expect(isStorageUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isStorageUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true)
    expect(isStorageUnavailable(withCode('database is locked', 'SQLITE_BUSY'))).toBe(true)
    expect(isStorageUnavailable(withCode('disk I/O error', 'SQLITE_IOERR_WRITE'))).toBe(true)
  })

  it('recognises a room refusing a change while it cannot store (lock, restore)', () => {
    expect(isStorageUnavailable(new StorageUnavailableError())).toBe(true)
  })

  it('leaves real bugs and bad SQL alone', () => {
    expect(isStorageUnavailable(new TypeError('x is undefined'))).toBe(false)
    expect(isStorageUnavailable(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false)
    expect(isStorageUnavailable(withCode('UNIQUE constraint failed: users.email', 'SQLITE_CONSTRAINT_UNIQUE'))).toBe(false)
    expect(isStorageUnavailable('ECONNREFUSED')).toBe(false)
  })
})
