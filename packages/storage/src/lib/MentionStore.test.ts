import Database from 'better-sqlite3'
import pg from 'pg'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AppStore } from './AppStore.ts'
import type { MentionSource, MentionStore, NewMention } from './MentionStore.ts'
import { PostgresAppStore } from './postgres/PostgresAppStore.ts'
import { postgresMigrations } from './postgres/migrations.ts'
import { openPostgres, quoteIdentifier } from './postgres/openPostgres.ts'
import { PostgresMentionStore } from './postgres/PostgresMentionStore.ts'
import { sqliteMigrations } from './sqlite/migrations.ts'
import { openSqlite } from './sqlite/openSqlite.ts'
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

  it('records a mention once per document, thread, message id and author: a message elsewhere with the same id blocks nothing', async () => {
    const { app, mentions } = await seeded(create)
    await app.createDocument({ id: 'd2', workspaceId: 'w1', title: 'Budget', template: 'esf-projektide', templateVersion: 1, createdBy: 'u2', createdAt: at(1), updatedAt: at(1), deletedAt: null })
    // Bertil mentions himself under id X in d2 first, then under X in another thread and as another author.
    expect(await mentions.addMention({ ...mention('X', 2), documentId: 'd2', authorId: 'u2' })).toBe(true)
    expect(await mentions.addMention({ ...mention('X', 3), threadId: 't2' })).toBe(true)
    expect(await mentions.addMention({ ...mention('X', 4), authorId: 'u3' })).toBe(true)
    // Åsa's message X in d1, thread t1.
    expect(await mentions.addMention(mention('X', 5))).toBe(true)
    expect(await mentions.addMention(mention('X', 6))).toBe(false)
    const listed = await mentions.listMentions('u2')
    expect(listed.map((item) => [item.documentId, item.threadId, item.authorId])).toEqual([
      ['d1', 't1', 'u1'],
      ['d1', 't1', 'u3'],
      ['d1', 't2', 'u1'],
      ['d2', 't1', 'u2'],
    ])
  })
})

/** Migration 5 replaced the unique key (message_id, user_id): mentions stored before it keep working. */
const KEYED_BY_MESSAGE = 4
/** Mention 7, stored under the old key; PostgreSQL takes an explicit identity only when told to. */
const oldRow = (overriding = '') => `INSERT INTO mentions (id, user_id, workspace_id, document_id, thread_id, message_id, author_id, excerpt, created_at)
  ${overriding} VALUES (7, 'u2', 'w1', 'd1', 't1', 'X', 'u1', 'Före', '${at(2)}')`

async function expectUpgradedMentions(stores: Stores): Promise<void> {
  await seededOn(stores)
  expect((await stores.mentions.listMentions('u2')).map((item) => [item.id, item.excerpt])).toEqual([[7, 'Före']])
  expect(await stores.mentions.addMention(mention('X', 3))).toBe(false)
  expect(await stores.mentions.addMention({ ...mention('X', 4), threadId: 't2' })).toBe(true)
  const [newest, oldest] = await stores.mentions.listMentions('u2')
  expect(oldest?.id).toBe(7)
  expect(newest?.id).toBeGreaterThan(7)
}

/** The users, workspace and document of `seeded`, on stores that already exist. */
async function seededOn(stores: Stores): Promise<void> {
  await seeded(async () => stores)
}

describe('mentions stored before the key named the document, thread and author', () => {
  it('keeps them in SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samskriv-mentions-'))
    try {
      const file = join(dir, 'db.sqlite')
      const old = new Database(file)
      for (const migration of sqliteMigrations.slice(0, KEYED_BY_MESSAGE)) old.exec(migration)
      old.pragma(`user_version = ${KEYED_BY_MESSAGE}`)
      old.exec(oldRow())
      old.close()
      const db = openSqlite(file)
      try {
        await expectUpgradedMentions({ app: new SqliteAppStore(db), mentions: new SqliteMentionStore(db) })
      } finally {
        db.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.skipIf(!process.env.DATABASE_URL)('keeps them in PostgreSQL', async () => {
    const url = process.env.DATABASE_URL ?? ''
    const schema = `test_${randomBytes(6).toString('hex')}`
    const old = new pg.Client({ connectionString: url, options: `-c search_path=${quoteIdentifier(schema)}` })
    await old.connect()
    try {
      await old.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`)
      await old.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)')
      for (const [index, migration] of postgresMigrations.slice(0, KEYED_BY_MESSAGE).entries()) {
        await old.query(migration)
        await old.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [index + 1, at(0)])
      }
      await old.query(oldRow('OVERRIDING SYSTEM VALUE'))
      await old.query(`SELECT setval(pg_get_serial_sequence('mentions', 'id'), 7)`)
      const db = await openPostgres(url, { schema, max: 2 })
      try {
        await expectUpgradedMentions({ app: new PostgresAppStore(db.pool), mentions: new PostgresMentionStore(db.pool) })
      } finally {
        await db.close()
      }
    } finally {
      await old.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`)
      await old.end()
    }
  })
})
