import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeUpdateMessage } from '@samskriv/protocol'
import { newFixture, type Fixture } from '../utils/api.ts'
import { newClient, typeParagraph } from '../utils/newClient.ts'
import { RawClient } from '../utils/rawClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture
const MAX_FRAME = 64 * 1024

beforeAll(async () => {
  server = await newServer({ MAX_FRAME_BYTES: String(MAX_FRAME) })
  fixture = await newFixture(server.url)
})
afterAll(() => server.stop())

async function stillSyncs(label: string) {
  const section = fixture.sections[2]!.id
  const a = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  const b = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  typeParagraph(a.doc, section, label)
  await waitFor(() => b.text(section).includes(label), `${label} reaches b`)
  a.destroy()
  b.destroy()
}

describe('bad input closes only the offending connection', () => {
  it('closes an oversized frame with 1009 and keeps the room working', async () => {
    const bystander = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const offender = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await offender.waitSynced()
    offender.sendRaw(new Uint8Array(MAX_FRAME + 1024))
    expect(await offender.waitClosed()).toBe(1009)
    expect(bystander.provider.wsconnected).toBe(true)
    bystander.destroy()
    await stillSyncs('efter-stor-ram')
  })

  it('closes a malformed frame with 4400 and keeps the room working', async () => {
    const offender = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await offender.waitSynced()
    offender.sendRaw(new Uint8Array([0, 2, 200, 1, 2]))
    expect(await offender.waitClosed()).toBe(4400)
    const garbage = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await garbage.waitSynced()
    garbage.sendRaw(encodeUpdateMessage(new Uint8Array([1, 2, 3, 4, 5, 6])))
    expect([4400, 4409]).toContain(await garbage.waitClosed())
    await stillSyncs('efter-trasig-ram')
  })

  it('rejects an update that depends on state the server does not have (never parks it)', async () => {
    const offender = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await offender.waitSynced()
    const elsewhere = new Y.Doc()
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(offender.doc))
    elsewhere.getXmlFragment(`section:${fixture.sections[2]!.id}`).push([new Y.XmlText('först')])
    const middle = Y.encodeStateVector(elsewhere)
    elsewhere.getXmlFragment(`section:${fixture.sections[2]!.id}`).push([new Y.XmlText('sedan')])
    // Send only the second update: its predecessor never reached the server.
    offender.sendUpdate(Y.encodeStateAsUpdate(elsewhere, middle))
    expect(await offender.waitClosed()).toBe(4409)
    await stillSyncs('efter-saknat-beroende')
  })
})
