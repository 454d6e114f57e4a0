import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { AppStore } from './AppStore.ts'
import { PostgresAppStore } from './postgres/PostgresAppStore.ts'
import { PostgresVersionStore } from './postgres/PostgresVersionStore.ts'
import { SqliteAppStore } from './sqlite/SqliteAppStore.ts'
import { SqliteVersionStore } from './sqlite/SqliteVersionStore.ts'
import type { NewVersion, VersionStore } from './VersionStore.ts'
import { storeAdapters } from './storeAdapters.ts'

type Stores = { app: AppStore; versions: VersionStore }

const adapters = storeAdapters<Stores>({
  sqlite: (db) => ({ app: new SqliteAppStore(db), versions: new SqliteVersionStore(db) }),
  postgres: (pool) => ({ app: new PostgresAppStore(pool), versions: new PostgresVersionStore(pool) }),
})

const at = (minute: number) => `2025-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`

function snapshotOf(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

function version(id: string, documentId: string, minute: number, patch: Partial<NewVersion> = {}): NewVersion {
  return { id, documentId, kind: 'periodic', name: null, createdBy: null, createdAt: at(minute), snapshot: snapshotOf(id), ...patch }
}

describe.each(adapters)('VersionStore (%s)', (_name, create) => {
  it('lists a document’s versions newest first with the creator’s name', async () => {
    const { app, versions } = await create()
    await app.createUser({ id: 'u1', email: 'u1@example.se', name: 'Åsa', passwordHash: 'h', createdAt: at(0) })
    await versions.createVersion(version('v1', 'd1', 1, { kind: 'named', name: 'Inför styrelsen', createdBy: 'u1' }))
    await versions.createVersion(version('v3', 'd1', 3, { kind: 'lock', createdBy: 'gone' }))
    await versions.createVersion(version('v2', 'd1', 2))
    await versions.createVersion(version('other', 'd2', 4))

    const list = await versions.listVersions('d1')
    expect(list.map((v) => v.id)).toEqual(['v3', 'v2', 'v1'])
    expect(list[2]).toEqual({ id: 'v1', documentId: 'd1', kind: 'named', name: 'Inför styrelsen', createdBy: 'u1', createdByName: 'Åsa', createdAt: at(1) })
    expect(list[0]).toEqual({ id: 'v3', documentId: 'd1', kind: 'lock', name: null, createdBy: 'gone', createdAt: at(3) })
    expect(list[1]?.createdBy).toBeNull()
    expect(await versions.listVersions('nothing')).toEqual([])
  })

  it('breaks ties in time by id, the same on every adapter', async () => {
    const { versions } = await create()
    for (const id of ['b', 'a', 'c', 'B']) await versions.createVersion(version(id, 'd1', 5))
    expect((await versions.listVersions('d1')).map((v) => v.id)).toEqual(['c', 'b', 'a', 'B'])
  })

  it('returns a version’s snapshot byte for byte, only for its own document', async () => {
    const { versions } = await create()
    const saved = version('v1', 'd1', 1, { kind: 'restore-point', name: 'Före återställning' })
    await versions.createVersion(saved)
    const found = await versions.findVersion('d1', 'v1')
    expect(found).toMatchObject({ id: 'v1', kind: 'restore-point', name: 'Före återställning' })
    expect(Array.from(found?.snapshot ?? [])).toEqual(Array.from(saved.snapshot))
    const doc = new Y.Doc()
    Y.applyUpdate(doc, found!.snapshot)
    expect(doc.getText('t').toString()).toBe('v1')
    expect(await versions.findVersion('d2', 'v1')).toBeUndefined()
    expect(await versions.findVersion('d1', 'missing')).toBeUndefined()
  })

  it('pages a document’s versions by limit and createdAt cursors', async () => {
    const { versions } = await create()
    for (const minute of [1, 2, 3, 4, 5]) await versions.createVersion(version(`v${minute}`, 'd1', minute))
    await versions.createVersion(version('other', 'd2', 3))
    const ids = async (options: Parameters<VersionStore['listVersions']>[1]) => (await versions.listVersions('d1', options)).map((v) => v.id)
    expect(await ids({ limit: 2 })).toEqual(['v5', 'v4'])
    expect(await ids({ limit: 2, before: at(4) })).toEqual(['v3', 'v2'])
    expect(await ids({ limit: 2, before: at(2) })).toEqual(['v1'])
    expect(await ids({ after: at(2), before: at(5) })).toEqual(['v4', 'v3'])
    expect(await ids({ before: at(1) })).toEqual([])
  })

  it('prunes one kind of version down to the newest few, leaving other kinds and documents alone', async () => {
    const { versions } = await create()
    for (const minute of [1, 2, 3, 4, 5]) await versions.createVersion(version(`p${minute}`, 'd1', minute))
    await versions.createVersion(version('named', 'd1', 0, { kind: 'named', name: 'Först' }))
    await versions.createVersion(version('lock', 'd1', 1, { kind: 'lock' }))
    await versions.createVersion(version('elsewhere', 'd2', 0))
    expect(await versions.pruneVersions('d1', 'periodic', 2)).toBe(3)
    expect((await versions.listVersions('d1')).map((v) => v.id)).toEqual(['p5', 'p4', 'lock', 'named'])
    expect(await versions.pruneVersions('d1', 'periodic', 2)).toBe(0)
    expect((await versions.listVersions('d2')).map((v) => v.id)).toEqual(['elsewhere'])
  })

  it('keeps one pending review per document, replaced by the next save and removed only under its own id', async () => {
    const { versions } = await create()
    expect(await versions.findPendingReview('d1')).toBeUndefined()
    await versions.savePendingReview({ documentId: 'd1', id: 'p1', sections: [{ id: 's1', title: 'Mål' }], createdBy: 'u1' })
    await versions.savePendingReview({ documentId: 'd2', id: 'p2', sections: [], createdBy: null })
    const sections = [{ id: 's1', title: 'Mål' }, { id: 's2', title: 'Budget, ”utkast”' }]
    await versions.savePendingReview({ documentId: 'd1', id: 'p3', sections, createdBy: 'u2' })
    expect(await versions.findPendingReview('d1')).toEqual({ documentId: 'd1', id: 'p3', sections, createdBy: 'u2' })
    // A finished pending review whose record was replaced meanwhile leaves the newer one.
    await versions.deletePendingReview('d1', 'p1')
    expect((await versions.findPendingReview('d1'))?.id).toBe('p3')
    await versions.deletePendingReview('d1', 'p3')
    expect(await versions.findPendingReview('d1')).toBeUndefined()
    expect(await versions.findPendingReview('d2')).toEqual({ documentId: 'd2', id: 'p2', sections: [], createdBy: null })
  })

  it('refuses a second version with the same id', async () => {
    const { versions } = await create()
    await versions.createVersion(version('v1', 'd1', 1))
    await expect(versions.createVersion(version('v1', 'd1', 2))).rejects.toThrow()
  })
})
