import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqlite, SqliteDocumentStore } from '@samskriv/storage'
import * as Y from 'yjs'
import { newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { newClient } from '../utils/newClient.ts'
import { RawClient } from '../utils/rawClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture
let anna: TestUser
let bertil: TestUser

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
  anna = await fixture.addMember('editor', 'Anna Andersson')
  bertil = await fixture.addMember('editor', 'Bertil Berg')
})
afterAll(() => server.stop())

function appendParagraph(sectionId: string, text: string) {
  return (doc: Y.Doc) => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text)])
    doc.getXmlFragment(`section:${sectionId}`).push([paragraph])
  }
}

/** A raw client of `user` in a document (the shared fixture's by default), synced, writing as `clientId` if given. */
async function connected(user: TestUser, clientId?: number, documentId = fixture.documentId): Promise<RawClient> {
  const raw = await RawClient.connect(server.wsUrl, documentId, user.token)
  await raw.waitSynced()
  if (clientId !== undefined) raw.doc.clientID = clientId
  return raw
}

/** A new document in which `writerName` wrote `text` (stored and seen by another client), and another editor. */
async function writtenIn(text: string, writerName: string, otherName: string) {
  const own = await newFixture(server.url)
  const writer = await own.addMember('editor', writerName)
  const other = await own.addMember('editor', otherName)
  const section = own.sections[0]!.id
  const open = (user: TestUser, clientId?: number) => connected(user, clientId, own.documentId)
  const first = await open(writer)
  first.edit(appendParagraph(section, text))
  const observer = await newClient(server.wsUrl, own.documentId, own.coordinator.token)
  await waitFor(() => observer.text(section).includes(text), 'stored and broadcast')
  observer.destroy()
  return { own, writer, other, section, open, first }
}

describe('a Yjs client id belongs to the user who first wrote with it', () => {
  it('refuses items under another user’s client id, and accepts the user’s own', async () => {
    const section = fixture.sections[0]!.id
    const observer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)

    const first = await connected(anna)
    const annasId = first.doc.clientID
    first.edit(appendParagraph(section, 'annas-text'))
    await waitFor(() => observer.text(section).includes('annas-text'), 'Anna’s edit broadcast')
    first.close()

    // Bertil writes under Anna's id, so that the text would be credited to her.
    const forger = await connected(bertil, annasId)
    forger.edit(appendParagraph(section, 'förfalskad'))
    expect(await forger.waitClosed()).toBe(4403)

    // Bertil's own id works; Anna, back with her id (resending what she has), may go on.
    const honest = await connected(bertil)
    honest.edit(appendParagraph(section, 'bertils-text'))
    const back = await connected(anna, annasId)
    back.sendUpdate(Y.encodeStateAsUpdate(back.doc))
    back.edit(appendParagraph(section, 'annas-andra'))
    await waitFor(() => observer.text(section).includes('bertils-text') && observer.text(section).includes('annas-andra'), 'both edits broadcast')
    expect(observer.text(section)).not.toContain('förfalskad')
    expect(honest.closeCode).toBeUndefined()
    expect(back.closeCode).toBeUndefined()

    // Re-sent state is not creation: Bertil may send the whole document, Anna's items included.
    honest.sendUpdate(Y.encodeStateAsUpdate(back.doc))
    honest.edit(appendParagraph(section, 'bertils-andra'))
    await waitFor(() => observer.text(section).includes('bertils-andra'), 'Bertil still accepted')
    expect(honest.closeCode).toBeUndefined()
    honest.close()
    back.close()
    observer.destroy()
  })

  it('keeps a user’s client id after the document left memory, so nobody takes the clocks of their offline work', async () => {
    const { own, other, section, open, first } = await writtenIn('före-offline', 'Offline Olle', 'Kapar Kalle')
    const writersId = first.doc.clientID
    first.close()

    // Nobody has the document open: it is compacted into one snapshot as it leaves memory.
    const db = openSqlite(join(server.dataDir, 'samskriv.sqlite'))
    await waitFor(async () => (await new SqliteDocumentStore(db).countUpdates(own.documentId)) === 1, 'unloaded')
    db.close()

    const taker = await open(other, writersId)
    taker.edit(appendParagraph(section, 'i-någon-annans-namn'))
    expect(await taker.waitClosed()).toBe(4403)
  })

  it('keeps a user’s client id across a crash and restart of the server, so their offline work is not dropped for someone else’s', async () => {
    const { own, writer, other, section, open, first } = await writtenIn('före-omstart', 'Anna Andersson', 'Bertil Berg')
    const annasId = first.doc.clientID
    // Anna keeps typing offline while the server is killed and comes back.
    const offline = new Y.Doc()
    offline.clientID = annasId
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(first.doc))
    first.close()
    appendParagraph(section, 'skrivet-offline')(offline)
    await server.crashAndRestart()

    // Bertil is first back, under Anna's id: refused, as before the restart.
    const taker = await open(other, annasId)
    taker.edit(appendParagraph(section, 'i-annans-namn'))
    expect(await taker.waitClosed()).toBe(4403)

    // Anna reconnects and sends what she wrote meanwhile, as the stock provider does.
    const back = await open(writer)
    back.sendUpdate(Y.encodeStateAsUpdate(offline))
    const reader = await newClient(server.wsUrl, own.documentId, own.coordinator.token)
    await waitFor(() => reader.text(section).includes('skrivet-offline'), 'Anna’s offline work stored')
    expect(reader.text(section)).not.toContain('i-annans-namn')
    expect(back.closeCode).toBeUndefined()
    back.close()
    reader.destroy()
  })
})
