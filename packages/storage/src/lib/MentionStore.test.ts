import { describe, expect, it } from 'vitest'
import type { AppStore } from './AppStore.ts'
import type { MentionSource, MentionStore, NewMention } from './MentionStore.ts'
import { PostgresAppStore } from './postgres/PostgresAppStore.ts'
import { PostgresMentionStore } from './postgres/PostgresMentionStore.ts'
import { SqliteAppStore } from './sqlite/SqliteAppStore.ts'
import { SqliteMentionStore } from './sqlite/SqliteMentionStore.ts'
import { storeAdapters } from './storeAdapters.ts'

type Stores = { app: AppStore; mentions: MentionStore }

const adapters = storeAdapters<Stores>({
  sqlite: (db) => ({ app: new SqliteAppStore(db), mentions: new SqliteMentionStore(db) }),
  postgres: (pool) => ({ app: new PostgresAppStore(pool), mentions: new PostgresMentionStore(pool) }),
})

const at = (minute: number) => `2025-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`

/** Åsa (coordinator) and Bertil (editor) in one workspace with document d1. */
async function seeded(create: () => Promise<Stores>): Promise<Stores> {
  const stores = await create()
  for (const [id, name] of [
    ['u1', 'Åsa'],
    ['u2', 'Bertil'],
  ] as const) {
    await stores.app.createUser({ id, email: `${id}@example.se`, name, passwordHash: 'hash', createdAt: at(0) })
  }
  await stores.app.createWorkspace({ id: 'w1', name: 'Kommunen', createdBy: 'u1', createdAt: at(1) }, 'u1')
  await stores.app.upsertMember('w1', 'u2', 'editor', at(1))
  await stores.app.createDocument({
    id: 'd1',
    workspaceId: 'w1',
    title: 'Ansökan',
    template: 'esf-projektide',
    templateVersion: 1,
    createdBy: 'u1',
    createdAt: at(1),
    updatedAt: at(1),
    deletedAt: null,
  })
  return stores
}

const mention = (messageId: string, minute: number, userId = 'u2'): NewMention => ({
  userId,
  workspaceId: 'w1',
  documentId: 'd1',
  threadId: 't1',
  messageId,
  authorId: 'u1',
  excerpt: `@Bertil titta på ${messageId}`,
  createdAt: at(minute),
})

const source = (messageId: string, threadId = 't1', authorId = 'u1'): MentionSource => ({ threadId, messageId, authorId })

describe.each(adapters)('MentionStore (%s)', (_name, create) => {
  it('records a mention once per message and user, and lists it newest first with title and author', async () => {
    const { mentions } = await seeded(create)
    expect(await mentions.addMention(mention('m1', 2))).toBe(true)
    expect(await mentions.addMention(mention('m1', 3))).toBe(false)
    expect(await mentions.addMention(mention('m2', 4))).toBe(true)
    const list = await mentions.listMentions('u2')
    expect(list.map((item) => item.messageId)).toEqual(['m2', 'm1'])
    expect(list[1]).toEqual({
      ...mention('m1', 2),
      id: expect.any(Number),
      readAt: null,
      documentTitle: 'Ansökan',
      authorName: 'Åsa',
    })
    expect(await mentions.listMentions('u1')).toEqual([])
    expect(await mentions.listMentions('u2', 1)).toHaveLength(1)
  })

  it('marks only the user’s own mentions read', async () => {
    const { mentions } = await seeded(create)
    await mentions.addMention(mention('m1', 2))
    await mentions.addMention(mention('m2', 3))
    await mentions.addMention(mention('m3', 4, 'u1'))
    const [second, first] = await mentions.listMentions('u2')
    const [ofAsa] = await mentions.listMentions('u1')
    expect(await mentions.countUnread('u2')).toBe(2)
    expect(await mentions.markRead('u2', [first!.id, ofAsa!.id], at(9))).toBe(1)
    expect(await mentions.markRead('u2', [first!.id], at(10))).toBe(0)
    expect(await mentions.markRead('u2', [], at(10))).toBe(0)
    expect(await mentions.countUnread('u2')).toBe(1)
    expect((await mentions.listMentions('u2')).map((item) => [item.id, item.readAt])).toEqual([
      [second!.id, null],
      [first!.id, at(9)],
    ])
    expect((await mentions.listMentions('u1'))[0]?.readAt).toBeNull()
  })

  it('hides mentions of documents that are deleted and workspaces the user left', async () => {
    const { app, mentions } = await seeded(create)
    await mentions.addMention(mention('m1', 2))
    await app.removeMember('w1', 'u2')
    expect(await mentions.listMentions('u2')).toEqual([])
    expect(await mentions.countUnread('u2')).toBe(0)
    await app.upsertMember('w1', 'u2', 'editor', at(5))
    expect(await mentions.listMentions('u2')).toHaveLength(1)
    await app.updateDocument('d1', { deletedAt: at(6) })
    expect(await mentions.listMentions('u2')).toEqual([])
  })

  it('drops the mentions of a deleted message and follows an edit', async () => {
    const { app, mentions } = await seeded(create)
    await app.createUser({ id: 'u3', email: 'u3@example.se', name: 'Cecilia', passwordHash: 'hash', createdAt: at(0) })
    await app.upsertMember('w1', 'u3', 'editor', at(1))
    await mentions.addMention(mention('m1', 2))
    await mentions.addMention(mention('m1', 2, 'u3'))
    await mentions.addMention(mention('m2', 3))
    expect((await mentions.mentionedMessages('d1')).map((message) => message.messageId).sort()).toEqual(['m1', 'm2'])
    expect(await mentions.mentionedMessages('d2')).toEqual([])

    // Edited: Cecilia is no longer mentioned, Bertil sees the new text.
    expect(await mentions.removeMentions('d1', source('m1'), ['u2'])).toBe(1)
    expect(await mentions.updateExcerpt('d1', source('m1'), 'Ny text')).toBe(1)
    expect(await mentions.listMentions('u3')).toEqual([])
    expect((await mentions.listMentions('u2')).map((item) => [item.messageId, item.excerpt])).toEqual([
      ['m2', '@Bertil titta på m2'],
      ['m1', 'Ny text'],
    ])

    // Deleted: every mention of the message goes, other messages stay.
    expect(await mentions.removeMentions('d2', source('m1'))).toBe(0)
    expect(await mentions.removeMentions('d1', source('m1'))).toBe(1)
    expect((await mentions.listMentions('u2')).map((item) => item.messageId)).toEqual(['m2'])
    expect(await mentions.mentionedMessages('d1')).toEqual([{ threadId: 't1', messageId: 'm2', authorId: 'u1' }])
  })

  it('names a message by thread, id and author: another message with the same id changes nothing of it', async () => {
    const { mentions } = await seeded(create)
    await mentions.addMention(mention('m1', 2))
    const other = [source('m1', 't2', 'u1'), source('m1', 't1', 'u3')]
    for (const message of other) {
      expect(await mentions.updateExcerpt('d1', message, 'Någon annans text')).toBe(0)
      expect(await mentions.removeMentions('d1', message)).toBe(0)
    }
    expect((await mentions.listMentions('u2')).map((item) => item.excerpt)).toEqual(['@Bertil titta på m1'])
  })
})
