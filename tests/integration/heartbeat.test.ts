import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture } from '../utils/api.ts'
import { RawClient } from '../utils/rawClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture

beforeAll(async () => {
  server = await newServer({ HEARTBEAT_MS: '150' })
  fixture = await newFixture(server.url)
})
afterAll(() => server.stop())

describe('the WebSocket heartbeat', () => {
  it('closes a socket whose client stopped answering, and keeps one that answers', async () => {
    const answering = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await answering.waitSynced()
    let pings = 0
    answering.socket.on('ping', () => pings++)

    // A client that vanished without closing: its socket is open but nothing answers the pings.
    const vanished = new WebSocket(`${server.wsUrl}/${fixture.documentId}?token=${fixture.coordinator.token}`, { autoPong: false })
    let vanishedClosed = false
    vanished.on('close', () => {
      vanishedClosed = true
    })
    vanished.on('error', () => undefined)
    await new Promise((resolve) => vanished.once('open', resolve))

    await waitFor(() => vanishedClosed, 'the silent socket closed by the server')
    await waitFor(() => pings >= 4, 'the answering client pinged several times')
    expect(answering.closeCode).toBeUndefined()
    expect(answering.socket.readyState).toBe(WebSocket.OPEN)
    answering.close()
  })
})
