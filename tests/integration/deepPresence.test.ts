import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import { encodeAwarenessMessage } from '@samskriv/protocol'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { freshDatabase, type FreshDatabase } from '../utils/freshDatabase.ts'
import { newClient, typeParagraph } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

/**
 * A presence state nested 10,000 levels deep is 60 KB of valid JSON, but encoding it again
 * (`JSON.stringify`) overflows the stack. The size check did that outside any try: thrown into the
 * socket's handler, or, for frames that arrive while the document is still loading, into a promise
 * nobody awaited, which ends the process. It is now refused with 4413 like an oversized state.
 */

const databaseUrl = process.env.DATABASE_URL
let server: TestServer
let fixture: Fixture
let viewer: TestUser

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
  viewer = await fixture.addMember('viewer', 'Läsare Lo')
})
afterAll(() => server.stop())

/** An awareness message announcing `clientId` with a state nested `depth` levels deep. */
function deepPresence(clientId: number, depth = 10_000): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, 1)
  encoding.writeVarString(update, '{"a":'.repeat(depth) + '1' + '}'.repeat(depth))
  return encodeAwarenessMessage(encoding.toUint8Array(update))
}

/** One masked binary frame (a client's), with a zero mask so the payload goes as it is. */
function clientFrame(payload: Uint8Array): Buffer {
  if (payload.byteLength >= 65_536) throw new RangeError('payload too large for this helper')
  const header = Buffer.from([0x82, 0x80 | 126, payload.byteLength >> 8, payload.byteLength & 0xff, 0, 0, 0, 0])
  return Buffer.concat([header, payload])
}

/** The close code in the frames a server sent after its 101 response, if it sent a close frame. */
function closeCodeIn(received: Buffer): number | undefined {
  const headersEnd = received.indexOf('\r\n\r\n')
  if (headersEnd < 0) return undefined
  let at = headersEnd + 4
  while (at + 2 <= received.length) {
    const opcode = received[at]! & 0x0f
    let length = received[at + 1]! & 0x7f
    let start = at + 2
    if (length === 126) {
      length = received.readUInt16BE(start)
      start += 2
    } else if (length === 127) {
      length = Number(received.readBigUInt64BE(start))
      start += 8
    }
    if (start + length > received.length) return undefined
    if (opcode === 0x8) return received.readUInt16BE(start)
    at = start + length
  }
  return undefined
}

/**
 * Sends the upgrade and `frame` in one write, so the frame is there before the server has loaded
 * the document (it is kept and handed to the room once loaded).
 */
function upgradeWithFrame(target: TestServer, documentId: string, token: string, frame: Uint8Array): { socket: Socket; received: () => Buffer; ended: () => boolean } {
  const socket = connect(target.port, '127.0.0.1')
  const chunks: Buffer[] = []
  let ended = false
  socket.on('data', (chunk: Buffer) => void chunks.push(chunk))
  socket.on('close', () => void (ended = true))
  socket.on('error', () => undefined)
  const request =
    `GET /collab/${documentId}?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${target.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n'
  socket.write(Buffer.concat([Buffer.from(request), clientFrame(frame)]))
  return { socket, received: () => Buffer.concat(chunks), ended: () => ended }
}

async function roomStillWorks(label: string): Promise<void> {
  expect((await call(server.url, 'GET', '/api/health')).status).toBe(200)
  const a = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  const b = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  typeParagraph(a.doc, fixture.sections[1]!.id, label)
  await waitFor(() => b.text(fixture.sections[1]!.id).includes(label), `${label} reaches b`)
  a.destroy()
  b.destroy()
}

describe('a presence state nested too deep to encode', () => {
  it('closes its socket with 4413 and the room works on', async () => {
    const bystander = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const socket = new WebSocket(`${server.wsUrl}/${fixture.documentId}?token=${viewer.token}`)
    let closedWith: number | undefined
    socket.on('close', (code) => void (closedWith = code))
    socket.on('error', () => undefined)
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
    })
    socket.send(deepPresence(12_345))
    await waitFor(() => closedWith !== undefined, 'the deep state is answered')
    expect(closedWith).toBe(4413)
    expect(bystander.provider.wsconnected).toBe(true)
    expect(bystander.provider.awareness.getStates().has(12_345)).toBe(false)
    bystander.destroy()
    await roomStillWorks('efter-djup-närvaro')
  })
})

// The early frames wait only while the document loads, which over SQLite is done before any frame is
// read: this path needs a store that takes real I/O. Runs when DATABASE_URL is set.
describe.runIf(databaseUrl)('a deep presence state that arrives while the document loads (PostgreSQL)', () => {
  let pgServer: TestServer
  let database: FreshDatabase
  let pgFixture: Fixture
  let pgViewer: TestUser

  beforeAll(async () => {
    database = freshDatabase(databaseUrl as string, 'samskriv_deep_presence')
    pgServer = await newServer({ DATABASE_URL: database.url })
    pgFixture = await newFixture(pgServer.url)
    pgViewer = await pgFixture.addMember('viewer', 'Läsare Lo')
  })
  afterAll(async () => {
    await pgServer?.stop()
    database?.drop()
  })

  it('is refused with 4413 on every socket, and the server lives on', async () => {
    // A document nobody has open: the frames wait for its load and are handed over in its callback.
    const other = await call(pgServer.url, 'POST', `/api/workspaces/${pgFixture.workspaceId}/documents`, pgFixture.coordinator.token, { template: 'esf-projektide', title: 'Ny' })
    expect(other.status).toBe(201)
    const sockets = Array.from({ length: 5 }, () => upgradeWithFrame(pgServer, other.body.id, pgViewer.token, deepPresence(4_242)))
    await waitFor(() => sockets.every(({ received, ended }) => closeCodeIn(received()) !== undefined || ended()), 'every deep state is answered')
    for (const { received, socket } of sockets) {
      expect(closeCodeIn(received())).toBe(4413)
      socket.destroy()
    }
    expect((await call(pgServer.url, 'GET', '/api/health')).status).toBe(200)
    const client = await newClient(pgServer.wsUrl, other.body.id, pgFixture.coordinator.token)
    expect(client.provider.wsconnected).toBe(true)
    client.destroy()
  })
})
