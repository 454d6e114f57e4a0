import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { decodeMessage, encodeAwarenessMessage, encodeAwarenessUpdate, encodeSyncStep1, encodeSyncStep2 } from '@samskriv/protocol'
import * as Y from 'yjs'
import { newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { newClient, typeParagraph, type TestClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

/**
 * Everyone sees everyone's presence id (a Yjs client id). Another member announcing someone's id
 * while they were between sockets used to take it for good: the owner's presence was dropped for
 * as long as their new socket lived. Now an id belongs to the first user who announced it in the
 * room, and an owner who writes under an id someone else holds takes it back, provided what they
 * wrote under it was already in the document when the holder announced it (after a restart): an id
 * nobody has written under yet may be written under by anyone, so a write alone proves nothing.
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

interface Squatter {
  socket: WebSocket
  /** Sends `frames`, then waits until the server has handled them (its answer to a sync step 1 sent after them). */
  send(...frames: Uint8Array[]): Promise<void>
}

/** Announces `clientId` in presence from a raw socket of `user`; resolves once the server has taken it in. */
async function squat(user: TestUser, clientId: number): Promise<Squatter> {
  const socket = new WebSocket(`${server.wsUrl}/${fixture.documentId}?token=${user.token}`)
  socket.binaryType = 'arraybuffer'
  socket.on('error', () => undefined)
  let answers = 0
  socket.on('message', (data: ArrayBuffer) => {
    if (decodeMessage(new Uint8Array(data)).type === 'sync-step2') answers++
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  const send = async (...frames: Uint8Array[]) => {
    const expected = answers + 1
    for (const frame of frames) socket.send(frame)
    // A socket's frames are handled in order: the answer to this comes after the frames above.
    socket.send(encodeSyncStep1(new Uint8Array([0])))
    await waitFor(() => answers >= expected, 'the squatter is answered')
  }
  await send(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId, clock: 999, state: { cursor: null } }])))
  return { socket, send }
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
    await waitFor(() => JSON.stringify(presenceOf(observer, id) ?? null).includes('moved'), "the owner's next move is seen")
    squatter.socket.close()
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
    squatter.socket.close()
    owner.destroy()
    observer.destroy()
  })

  it("refuses another user who writes under someone's id nobody had written under, then announces it again", async () => {
    const victim = await fixture.addMember('editor', 'Offer Olle')
    const attacker = await fixture.addMember('editor', 'Angripare Ada')
    const observer = await newClient(server.wsUrl, fixture.documentId, editor.token)
    // Has not typed since loading the page: nobody has written under their id.
    const owner = await newClient(server.wsUrl, fixture.documentId, victim.token)
    const id = owner.doc.clientID
    owner.provider.awareness.setLocalStateField('cursor', null)
    await waitFor(() => presenceOf(observer, id)?.user?.id === victim.id, 'the observer sees the victim')

    const squatter = await squat(attacker, id)
    // The update guard lets anyone write under an id nobody has written under: this binds it to the attacker.
    const forged = new Y.Doc()
    forged.clientID = id
    typeParagraph(forged, fixture.sections[1]!.id, 'kapad')
    await squatter.send(encodeSyncStep2(Y.encodeStateAsUpdate(forged)))
    await waitFor(() => observer.text(fixture.sections[1]!.id).includes('kapad'), 'the forged write is in the document')
    await squatter.send(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: id, clock: 6_000, state: { cursor: 'kapad' } }])))

    owner.provider.awareness.setLocalStateField('cursor', { moved: true })
    await waitFor(() => JSON.stringify(presenceOf(observer, id) ?? null).includes('moved'), "the victim's next move is seen")
    expect(presenceOf(observer, id)?.user?.id).toBe(victim.id)
    for (const state of observer.provider.awareness.getStates().values()) expect((state as { user?: { id: string } }).user?.id).not.toBe(attacker.id)

    // And on the victim's next socket. Yjs gave the victim's document a new client id when the
    // forged items under its own arrived, while its presence keeps the old one: y-websocket's
    // `disconnect` throws on that, and when the socket closes it drops its own presence state as
    // another client's. Its next state, set whole, is the victim's again.
    owner.provider.ws?.close()
    await waitFor(() => presenceOf(observer, id) === undefined, 'the victim is gone')
    await waitFor(() => owner.provider.wsconnected && owner.provider.synced, 'the victim is back')
    await squatter.send(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: id, clock: 7_000, state: { cursor: 'igen' } }])))
    owner.provider.awareness.setLocalState({ cursor: { movedAgain: true } })
    await waitFor(() => JSON.stringify(presenceOf(observer, id) ?? null).includes('movedAgain'), "the victim's move after reconnecting is seen")
    expect(presenceOf(observer, id)?.user?.id).toBe(victim.id)
    squatter.socket.close()
    owner.doc.clientID = id // for `destroy`, which disconnects (see above)
    owner.destroy()
    observer.destroy()
  })
})
