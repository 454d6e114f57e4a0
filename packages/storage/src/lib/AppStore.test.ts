import { describe, expect, it } from 'vitest'
import type { AppStore, DocumentRecord, UserRecord } from './AppStore.ts'
import { LastCoordinatorError } from './LastCoordinatorError.ts'
import { PostgresAppStore } from './postgres/PostgresAppStore.ts'
import { SqliteAppStore } from './sqlite/SqliteAppStore.ts'
import { storeAdapters } from './storeAdapters.ts'

const adapters = storeAdapters<AppStore>({
  sqlite: (db) => new SqliteAppStore(db),
  postgres: (pool) => new PostgresAppStore(pool),
})

const at = (minute: number) => `2025-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`

function person(id: string, name: string): UserRecord {
  return { id, email: `${id}@example.se`, name, passwordHash: `hash-${id}`, createdAt: at(0) }
}

function doc(id: string, workspaceId: string, updatedAt: string): DocumentRecord {
  return {
    id,
    workspaceId,
    title: `Titel ${id}`,
    template: 'utredning',
    templateVersion: 2,
    createdBy: 'u1',
    createdAt: at(0),
    updatedAt,
    deletedAt: null,
  }
}

/** Two users and one workspace coordinated by u1. */
async function seeded(create: () => Promise<AppStore>): Promise<AppStore> {
  const store = await create()
  await store.createUser(person('u1', 'Åsa'))
  await store.createUser(person('u2', 'Bertil'))
  await store.createWorkspace(
    { id: 'w1', name: 'Kommunen', createdBy: 'u1', createdAt: at(1) },
    'u1',
  )
  return store
}

describe.each(adapters)('AppStore (%s)', (_name, create) => {
  it('creates and finds users by email and id; emails are unique', async () => {
    const store = await create()
    const u = person('u1', 'Åsa')
    await store.createUser(u)
    expect(await store.findUserByEmail('u1@example.se')).toEqual(u)
    expect(await store.findUserById('u1')).toEqual(u)
    expect(await store.findUserById('nobody')).toBeUndefined()
    await expect(store.createUser({ ...person('u9', 'Kopia'), email: u.email })).rejects.toThrow()
  })

  it('creates, finds and deletes sessions', async () => {
    const store = await create()
    await store.createUser(person('u1', 'Åsa'))
    const session = { tokenHash: 't1', userId: 'u1', createdAt: at(1), expiresAt: at(59) }
    await store.createSession(session)
    expect(await store.findSession('t1')).toEqual(session)
    await store.deleteSession('t1')
    expect(await store.findSession('t1')).toBeUndefined()
  })

  it('createWorkspace makes the creator its coordinator', async () => {
    const store = await seeded(create)
    expect(await store.findWorkspace('w1')).toEqual({
      id: 'w1',
      name: 'Kommunen',
      createdBy: 'u1',
      createdAt: at(1),
    })
    expect(await store.findMember('w1', 'u1')).toEqual({
      workspaceId: 'w1',
      userId: 'u1',
      role: 'coordinator',
      name: 'Åsa',
      email: 'u1@example.se',
      createdAt: at(1),
    })
    expect(await store.listWorkspacesOf('u1')).toEqual([
      { id: 'w1', name: 'Kommunen', createdBy: 'u1', createdAt: at(1), role: 'coordinator' },
    ])
    expect(await store.listWorkspacesOf('u2')).toEqual([])
  })

  it('lists a user’s workspaces by name with their role', async () => {
    const store = await seeded(create)
    await store.createWorkspace(
      { id: 'w2', name: 'Arbetsgrupp', createdBy: 'u2', createdAt: at(2) },
      'u2',
    )
    await store.upsertMember('w1', 'u2', 'viewer', at(3))
    const list = await store.listWorkspacesOf('u2')
    expect(list.map((w) => [w.name, w.role])).toEqual([
      ['Arbetsgrupp', 'coordinator'],
      ['Kommunen', 'viewer'],
    ])
  })

  it('upserts members (changing the role, keeping the join time) and removes them', async () => {
    const store = await seeded(create)
    await store.upsertMember('w1', 'u2', 'editor', at(2))
    await store.upsertMember('w1', 'u2', 'analyst', at(5))
    expect(await store.findMember('w1', 'u2')).toMatchObject({
      role: 'analyst',
      createdAt: at(2),
      name: 'Bertil',
    })
    // Sorted by name in byte order, as SQLite's BINARY collation does: "B" before "Å".
    expect((await store.listMembers('w1')).map((m) => [m.name, m.role])).toEqual([
      ['Bertil', 'analyst'],
      ['Åsa', 'coordinator'],
    ])
    await store.removeMember('w1', 'u2')
    expect(await store.findMember('w1', 'u2')).toBeUndefined()
    expect(await store.listMembers('w1')).toHaveLength(1)
  })

  it('accepts an invitation exactly once', async () => {
    const store = await seeded(create)
    const invitation = {
      id: 'inv1',
      tokenHash: 'i1',
      workspaceId: 'w1',
      email: 'ny@example.se',
      role: 'editor' as const,
      createdBy: 'u1',
      createdAt: at(2),
      expiresAt: at(50),
      acceptedAt: null,
      revokedAt: null,
    }
    await store.createInvitation(invitation)
    expect(await store.findInvitation('i1')).toEqual(invitation)
    const results = await Promise.all([
      store.acceptInvitation('i1', at(3)),
      store.acceptInvitation('i1', at(4)),
    ])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await store.acceptInvitation('i1', at(5))).toBe(false)
    expect((await store.findInvitation('i1'))?.acceptedAt).toBe(at(3))
    expect(await store.acceptInvitation('missing', at(5))).toBe(false)
    expect(await store.findInvitation('missing')).toBeUndefined()
  })

  it('a new invitation to the same address revokes the earlier ones; pending ones are listed and revoked', async () => {
    const store = await seeded(create)
    const base = {
      workspaceId: 'w1',
      role: 'coordinator' as const,
      createdBy: 'u1',
      expiresAt: at(50),
      acceptedAt: null,
      revokedAt: null,
    }
    await store.createInvitation({
      ...base,
      id: 'a',
      tokenHash: 'ha',
      email: 'x@example.se',
      createdAt: at(2),
    })
    await store.createInvitation({
      ...base,
      id: 'b',
      tokenHash: 'hb',
      email: 'y@example.se',
      createdAt: at(3),
    })
    await store.createInvitation({
      ...base,
      id: 'c',
      tokenHash: 'hc',
      email: 'x@example.se',
      role: 'viewer',
      createdAt: at(4),
    })
    expect((await store.findInvitation('ha'))?.revokedAt).toBe(at(4))
    expect(await store.acceptInvitation('ha', at(5))).toBe(false)
    expect(
      (await store.listPendingInvitations('w1', at(5))).map((i) => [i.id, i.email, i.role]),
    ).toEqual([
      ['b', 'y@example.se', 'coordinator'],
      ['c', 'x@example.se', 'viewer'],
    ])
    expect(await store.listPendingInvitations('w1', at(50))).toEqual([])
    expect(await store.revokeInvitation('w2', 'b', at(6))).toBe(false)
    expect(await store.revokeInvitation('w1', 'b', at(6))).toBe(true)
    expect(await store.revokeInvitation('w1', 'b', at(7))).toBe(false)
    expect(await store.revokeInvitationsTo('w1', 'x@example.se', at(8))).toBe(1)
    expect(await store.listPendingInvitations('w1', at(9))).toEqual([])
    expect(await store.acceptInvitation('hc', at(9))).toBe(false)
  })

  it('never leaves a workspace without a coordinator, also when two demote each other at once', async () => {
    const store = await seeded(create)
    // Each sees the other as coordinator before it writes; only one demotion may stand. Several
    // rounds, since on PostgreSQL the two transactions must overlap for the race to show.
    for (let round = 0; round < 20; round++) {
      await store.upsertMember('w1', 'u1', 'coordinator', at(2))
      await store.upsertMember('w1', 'u2', 'coordinator', at(2))
      const results = await Promise.allSettled([store.upsertMember('w1', 'u1', 'editor', at(3)), store.upsertMember('w1', 'u2', 'viewer', at(3))])
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
      const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult
      expect(refused.reason).toBeInstanceOf(LastCoordinatorError)
      expect((await store.listMembers('w1')).filter((m) => m.role === 'coordinator')).toHaveLength(1)
    }
    const [coordinator] = (await store.listMembers('w1')).filter((m) => m.role === 'coordinator')
    await expect(store.removeMember('w1', coordinator!.userId)).rejects.toBeInstanceOf(LastCoordinatorError)
    expect(await store.findMember('w1', coordinator!.userId)).toMatchObject({ role: 'coordinator' })
  })

  it('leaves one pending invitation of an address when several are made at once', async () => {
    const store = await seeded(create)
    const base = { workspaceId: 'w1', email: 'z@example.se', createdBy: 'u1', expiresAt: at(50), acceptedAt: null, revokedAt: null }
    // Without a lock, each transaction's revocation misses the rows the others are inserting.
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        (['editor', 'viewer', 'coordinator'] as const).map((role, i) =>
          store.createInvitation({ ...base, id: `r${round}-${i}`, tokenHash: `h${round}-${i}`, role, createdAt: at(2 + round) }),
        ),
      )
      expect((await store.listPendingInvitations('w1', at(10))).filter((i) => i.email === 'z@example.se')).toHaveLength(1)
    }
  })

  it('lists documents newest first, updates them and hides deleted ones', async () => {
    const store = await seeded(create)
    await store.createDocument(doc('d1', 'w1', at(10)))
    await store.createDocument(doc('d2', 'w1', at(20)))
    expect(await store.findDocument('d1')).toEqual(doc('d1', 'w1', at(10)))
    expect((await store.listDocuments('w1')).map((d) => d.id)).toEqual(['d2', 'd1'])

    await store.updateDocument('d1', { title: 'Ny titel', updatedAt: at(30) })
    await store.updateDocument('d1', {})
    expect(await store.findDocument('d1')).toMatchObject({
      title: 'Ny titel',
      updatedAt: at(30),
      templateVersion: 2,
    })
    expect((await store.listDocuments('w1')).map((d) => d.id)).toEqual(['d1', 'd2'])

    await store.updateDocument('d2', { deletedAt: at(40) })
    expect(await store.findDocument('d2')).toBeUndefined()
    expect((await store.listDocuments('w1')).map((d) => d.id)).toEqual(['d1'])
  })

  it('touches many documents at once, never moving "last changed" backwards', async () => {
    const store = await seeded(create)
    await store.createDocument(doc('d1', 'w1', at(10)))
    await store.createDocument(doc('d2', 'w1', at(20)))
    await store.touchDocuments([
      { id: 'd1', updatedAt: at(50) },
      { id: 'd2', updatedAt: at(15) },
      { id: 'missing', updatedAt: at(60) },
    ])
    expect((await store.findDocument('d1'))?.updatedAt).toBe(at(50))
    expect((await store.findDocument('d2'))?.updatedAt).toBe(at(20))
    await store.touchDocuments([])
  })

  it('lists audit entries newest first, by document or workspace, with actor names and a limit', async () => {
    const store = await seeded(create)
    await store.appendAudit({
      workspaceId: 'w1',
      documentId: null,
      actorId: 'u1',
      action: 'workspace.created',
      details: {},
      at: at(1),
    })
    await store.appendAudit({
      workspaceId: 'w1',
      documentId: 'd1',
      actorId: 'u2',
      action: 'section.locked',
      details: { section: 'a' },
      at: at(2),
    })
    await store.appendAudit({
      workspaceId: 'w1',
      documentId: 'd1',
      actorId: 'gone',
      action: 'section.unlocked',
      details: { n: 1 },
      at: at(3),
    })

    const byDocument = await store.listAudit({ documentId: 'd1' })
    expect(byDocument.map((e) => e.action)).toEqual(['section.unlocked', 'section.locked'])
    expect(byDocument[1]).toMatchObject({
      actorId: 'u2',
      actorName: 'Bertil',
      details: { section: 'a' },
      documentId: 'd1',
    })
    expect(byDocument[0]?.actorName).toBeUndefined()
    expect(typeof byDocument[0]?.id).toBe('number')
    expect((byDocument[0]?.id ?? 0) > (byDocument[1]?.id ?? 0)).toBe(true)

    const byWorkspace = await store.listAudit({ workspaceId: 'w1' })
    expect(byWorkspace.map((e) => e.action)).toEqual([
      'section.unlocked',
      'section.locked',
      'workspace.created',
    ])
    expect(byWorkspace[2]).toMatchObject({ documentId: null, actorName: 'Åsa' })
    expect((await store.listAudit({ workspaceId: 'w1', limit: 1 })).map((e) => e.action)).toEqual([
      'section.unlocked',
    ])
  })
})
