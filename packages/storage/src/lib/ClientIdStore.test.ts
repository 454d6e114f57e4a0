import { describe, expect, it } from 'vitest'
import type { ClientIdStore } from './ClientIdStore.ts'
import { MemoryClientIdStore } from './MemoryClientIdStore.ts'
import { PostgresClientIdStore } from './postgres/PostgresClientIdStore.ts'
import { SqliteClientIdStore } from './sqlite/SqliteClientIdStore.ts'
import { storeAdapters } from './storeAdapters.ts'

const adapters: Array<[string, () => Promise<ClientIdStore>]> = [
  ...storeAdapters<ClientIdStore>({
    sqlite: (db) => new SqliteClientIdStore(db),
    postgres: (pool) => new PostgresClientIdStore(pool),
  }),
  ['memory', async () => new MemoryClientIdStore()],
]

describe.each(adapters)('ClientIdStore (%s)', (_name, create) => {
  it('keeps bindings per document, oldest first; the first binding of an id wins; released ids go', async () => {
    const store = await create()
    // Yjs client ids are unsigned 32-bit numbers: the largest must come back as it went in.
    await store.bindClientIds('d1', [[4_294_967_295, 'anna'], [7, 'bertil']], [])
    await store.bindClientIds('d2', [[7, 'cecilia']], [])
    await store.bindClientIds('d1', [[7, 'mallory'], [12, 'anna']], [])
    expect(await store.clientIds('d1')).toEqual([[4_294_967_295, 'anna'], [7, 'bertil'], [12, 'anna']])
    expect(await store.clientIds('d2')).toEqual([[7, 'cecilia']])

    await store.bindClientIds('d1', [], [4_294_967_295, 99])
    expect(await store.clientIds('d1')).toEqual([[7, 'bertil'], [12, 'anna']])
    expect(await store.clientIds('none')).toEqual([])
  })
})
