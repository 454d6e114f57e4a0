import { readdirSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { encodeAwarenessMessage, encodeAwarenessUpdate, encodeSyncStep1 } from '@samskriv/protocol'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { newClient, typeParagraph, type TestClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

/**
 * A client that stops reading and keeps asking for the whole document (sync step 1 from nothing)
 * once held every answer in the server's memory: a viewer with a few sockets took the server from
 * 256 MB to 14 GB in two minutes. Each connection may now leave at most 16 MiB unread besides its
 * largest message, then it is closed with 4429 'too-much-unread'.
 */

const DOCUMENT_CHARS = 2_000_000
const SOCKETS = 3
const REQUESTS = 100

let server: TestServer
let fixture: Fixture
let viewer: TestUser
let serverPid: number

/** The server process newServer started for this worker: our child listening on its port. */
function findServerPid(port: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1])
      if (parent !== process.pid) continue
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`PORT=${port}`)) return Number(entry)
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  throw new Error(`no server process on port ${port}`)
}

const rssMiB = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${serverPid}/status`, 'utf8'))?.[1]) / 1024

/** A plain `ws` socket that records how it was closed and how much it read. */
async function openSocket(token: string): Promise<{ socket: WebSocket; read: () => number; closed: () => { code: number; reason: string } | undefined }> {
  const socket = new WebSocket(`${server.wsUrl}/${fixture.documentId}?token=${token}`)
  let read = 0
  let closed: { code: number; reason: string } | undefined
  socket.on('message', (data: Buffer) => void (read += data.byteLength))
  socket.on('close', (code, reason) => void (closed = { code, reason: reason.toString() }))
  socket.on('error', () => undefined)
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  return { socket, read: () => read, closed: () => closed }
}

beforeAll(async () => {
  server = await newServer()
  serverPid = findServerPid(server.port)
  fixture = await newFixture(server.url)
  viewer = await fixture.addMember('viewer', 'Läsare Lo')
  const writer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  typeParagraph(writer.doc, fixture.sections[1]!.id, 'y'.repeat(DOCUMENT_CHARS))
  const check = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  await waitFor(() => check.text(fixture.sections[1]!.id).length > DOCUMENT_CHARS, 'the large paragraph is stored', 20_000)
  writer.destroy()
  check.destroy()
})
afterAll(() => server.stop())

describe('a client that does not read what it asks for', () => {
  it('is closed with 4429 once too much waits unread, the server stays small, and everyone else works on', async () => {
    const section = fixture.sections[1]!.id
    const observer: TestClient = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const rssBefore = rssMiB()
    const stalled = await Promise.all(Array.from({ length: SOCKETS }, () => openSocket(viewer.token)))
    // Stop reading: what the server sends now stays in its memory once the kernel's buffers are full.
    for (const { socket } of stalled) (socket as unknown as { _socket: { pause(): void } })._socket.pause()

    // Each request is answered with the whole ~2 MB document: 600 MB unread if nothing stopped it.
    // (100 at once stay under the 300 messages per second a connection may send.)
    const fromNothing = encodeSyncStep1(new Uint8Array([0]))
    for (let i = 0; i < REQUESTS; i++) for (const { socket } of stalled) socket.send(fromNothing)
    await waitFor(() => stalled.every(({ socket }) => socket.bufferedAmount === 0), 'the requests are sent')

    // A marker sent after the requests: presence goes out after the server's poll phase, so once the
    // observer sees it the server has taken every request above (they were already in its socket buffers).
    const marker = await openSocket(viewer.token)
    marker.socket.send(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: 424242, clock: 1, state: { marker: true } }])))
    await waitFor(() => observer.provider.awareness.getStates().has(424242), 'the marker reaches the observer', 20_000)
    const rssAfter = rssMiB()

    // Reading again, each gets what the server held back for it, then the close.
    for (const { socket } of stalled) (socket as unknown as { _socket: { resume(): void } })._socket.resume()
    await waitFor(() => stalled.every(({ closed }) => closed() !== undefined), 'the stalled sockets are closed', 20_000)
    for (const { closed, read } of stalled) {
      expect(closed()).toEqual({ code: 4429, reason: 'too-much-unread' })
      // Far less than the 100 answers it asked for (about 16 MiB + the kernel's buffers).
      expect(read()).toBeLessThan((REQUESTS / 3) * DOCUMENT_CHARS)
    }
    // Without the limit the server grew by the 600 MB it was asked to hold.
    expect(rssAfter - rssBefore).toBeLessThan(250)

    // Everyone else works on: a new client syncs the whole document, and edits still arrive.
    expect((await call(server.url, 'GET', '/api/health')).status).toBe(200)
    const newcomer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    expect(newcomer.text(section).length).toBeGreaterThan(DOCUMENT_CHARS)
    typeParagraph(newcomer.doc, fixture.sections[2]!.id, 'efter-flodet')
    await waitFor(() => observer.text(fixture.sections[2]!.id).includes('efter-flodet'), 'an edit reaches the observer')
    expect(observer.closes).toEqual([])
    marker.socket.close()
    newcomer.destroy()
    observer.destroy()
  }, 90_000)
})
