import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { decodeMessage, encodeAwarenessMessage, encodeAwarenessUpdate, encodeSyncStep1 } from '@samskriv/protocol'
import { newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { newClient, typeParagraph, type TestClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

/**
 * Everyone sees everyone's presence id (a Yjs client id). Another member announcing someone's id
 * while they were between sockets used to take it for good: the owner's presence was dropped for
 * as long as their new socket lived. Now an id belongs to the first user who announced it in the
 * room, and an owner who writes under an id someone else holds takes it back.
 */

let server: TestServer
let fixture: Fixture
let viewer: TestUser
let editor: TestUser

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
  viewer = await fixture.addMember('viewer', 'Läsare Lo')
  editor = await fixture.addMember('editor', 'Redaktör Rut')
})
afterAll(() => server.stop())

/** Announces `clientId` in presence from a raw socket of `user`; resolves once the server has taken it in. */
async function squat(user: TestUser, clientId: number): Promise<WebSocket> {
  const socket = new WebSocket(`${server.wsUrl}/${fixture.documentId}?token=${user.token}`)
  socket.binaryType = 'arraybuffer'
  socket.on('error', () => undefined)
  let answered = false
  socket.on('message', (data: ArrayBuffer) => {
    if (decodeMessage(new Uint8Array(data)).type === 'sync-step2') answered = true
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  socket.send(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId, clock: 999, state: { cursor: null } }])))
  // A socket's frames are handled in order: the answer to this comes after the presence above.
  socket.send(encodeSyncStep1(new Uint8Array([0])))
  await waitFor(() => answered, 'the squatter is answered')
  return socket
}

const presenceOf = (client: TestClient, clientId: number) => client.provider.awareness.getStates().get(clientId) as { user?: { id: string } } | undefined

describe('presence ids', () => {
  it("refuses another user the id of someone between sockets; the owner's presence is back as soon as they are", async () => {
    const owner = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const observer = await newClient(server.wsUrl, fixture.documentId, editor.token)
    const id = owner.doc.clientID
    // As the app does once the page knows the user (a state still at clock 0 is news to nobody).
    owner.provider.awareness.setLocalStateField('cursor', null)
    await waitFor(() => presenceOf(observer, id)?.user?.id === fixture.coordinator.id, 'the observer sees the owner')

    owner.provider.disconnect()
    await waitFor(() => presenceOf(observer, id) === undefined, 'the owner is gone')
    const squatter = await squat(viewer, id)
    expect(presenceOf(observer, id)).toBeUndefined()

    // The provider announces its unchanged state again, with the clock it had.
    owner.provider.connect()
    await waitFor(() => presenceOf(observer, id)?.user?.id === fixture.coordinator.id, 'the observer sees the owner again')
    owner.provider.awareness.setLocalStateField('cursor', { moved: true })
    await waitFor(() => JSON.stringify(presenceOf(observer, id)).includes('moved'), "the owner's next move is seen")
    squatter.close()
    owner.destroy()
    observer.destroy()
  })

  it('gives an owner who writes under the id back their presence, even if another user announced it first after a restart', async () => {
    const owner = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const id = owner.doc.clientID
    // Writing binds the id to the owner (stored, so a restart keeps it).
    typeParagraph(owner.doc, fixture.sections[1]!.id, 'före omstarten')
    const check = await newClient(server.wsUrl, fixture.documentId, editor.token)
    await waitFor(() => check.text(fixture.sections[1]!.id).includes('före omstarten'), 'the edit is stored')
    check.destroy()
    owner.provider.disconnect()
    await server.crashAndRestart()

    const squatter = await squat(viewer, id)
    const observer = await newClient(server.wsUrl, fixture.documentId, editor.token)
    await waitFor(() => presenceOf(observer, id)?.user?.id === viewer.id, 'the squatter holds the id')
    owner.provider.connect()
    await waitFor(() => owner.provider.synced && owner.provider.wsconnected, 'the owner is back')

    typeParagraph(owner.doc, fixture.sections[1]!.id, 'efter omstarten')
    await waitFor(() => presenceOf(observer, id)?.user?.id === fixture.coordinator.id, 'the observer sees the owner, not the squatter', 10_000)
    await waitFor(() => observer.text(fixture.sections[1]!.id).includes('efter omstarten'), 'the edit arrives too')
    squatter.close()
    owner.destroy()
    observer.destroy()
  })
})
