import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocket, WebSocketServer, type ServerOptions } from 'ws'
import { binaryFrame, sendBinary, sharedFrame } from './sharedFrames.ts'

// Real ws servers and clients over loopback: what a client receives is what matters here.

interface Pair {
  server: WebSocket
  received: Uint8Array[]
}

const servers: WebSocketServer[] = []
const clients: WebSocket[] = []

afterEach(async () => {
  vi.restoreAllMocks()
  for (const client of clients.splice(0)) client.terminate()
  await Promise.all(servers.splice(0).map((wss) => new Promise((resolve) => wss.close(resolve))))
})

async function connect(count: number, options: Partial<ServerOptions> = {}, clientOptions: ConstructorParameters<typeof WebSocket>[2] = {}): Promise<Pair[]> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', ...options })
  servers.push(wss)
  await new Promise((resolve) => wss.once('listening', resolve))
  const { port } = wss.address() as AddressInfo
  const pairs: Pair[] = []
  for (let i = 0; i < count; i++) {
    const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', resolve))
    const client = new WebSocket(`ws://127.0.0.1:${port}`, clientOptions)
    clients.push(client)
    const received: Uint8Array[] = []
    client.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
    await new Promise((resolve) => client.once('open', resolve))
    pairs.push({ server: await accepted, received })
  }
  return pairs
}

const bytes = (length: number, seed = 1): Uint8Array => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff)

describe('binaryFrame', () => {
  it('writes the 7-bit and the 16-bit length forms', () => {
    expect([...binaryFrame(bytes(3))].slice(0, 2)).toEqual([0x82, 3])
    expect([...binaryFrame(bytes(125))].slice(0, 2)).toEqual([0x82, 125])
    expect([...binaryFrame(bytes(126))].slice(0, 4)).toEqual([0x82, 126, 0, 126])
    expect([...binaryFrame(bytes(65535))].slice(0, 4)).toEqual([0x82, 126, 0xff, 0xff])
    expect(binaryFrame(bytes(300)).subarray(4)).toEqual(Buffer.from(bytes(300)))
    expect(() => binaryFrame(bytes(65536))).toThrow(RangeError)
  })
})

describe('sendBinary', () => {
  it('delivers one message to every socket from a single frame, without ws framing each send', async () => {
    const pairs = await connect(3)
    const send = vi.spyOn(WebSocket.prototype, 'send')
    // A view into a larger buffer, as protocol encoders produce: only the view is sent.
    const message = new Uint8Array(bytes(400, 7).buffer, 100, 200)
    for (const { server } of pairs) sendBinary(server, message)
    await vi.waitFor(() => expect(pairs.every(({ received }) => received.length === 1)).toBe(true))
    for (const { received } of pairs) expect(received[0]).toEqual(message)
    expect(send).not.toHaveBeenCalled()
    expect(sharedFrame(message)).toBe(sharedFrame(message))
  })

  it('keeps the order of messages sent through ws and directly on one socket', async () => {
    const [pair] = await connect(1)
    const large = bytes(40_000, 3) // above the shared size: framed by ws
    const small = bytes(20, 5)
    sendBinary(pair!.server, large)
    sendBinary(pair!.server, small)
    sendBinary(pair!.server, large)
    await vi.waitFor(() => expect(pair!.received.length === 3).toBe(true))
    expect(pair!.received).toEqual([large, small, large])
  })

  it('leaves sockets with compression negotiated to ws', async () => {
    const [pair] = await connect(1, { perMessageDeflate: true }, { perMessageDeflate: true })
    expect(pair!.server.extensions).toContain('permessage-deflate')
    const send = vi.spyOn(WebSocket.prototype, 'send')
    const message = bytes(50, 9)
    sendBinary(pair!.server, message)
    await vi.waitFor(() => expect(pair!.received.length === 1).toBe(true))
    expect(pair!.received[0]).toEqual(message)
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('does not write into a fragmented message ws has half sent', async () => {
    const [pair] = await connect(1)
    const head = bytes(10, 1)
    const tail = bytes(10, 2)
    pair!.server.send(head, { fin: false })
    const send = vi.spyOn(WebSocket.prototype, 'send')
    sendBinary(pair!.server, tail) // through ws, which ends the message it began
    expect(send).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(pair!.received.length === 1).toBe(true))
    expect(pair!.received[0]).toEqual(new Uint8Array([...head, ...tail]))
  })

  it('leaves a socket that is closing to ws (no data after the close frame), and does not throw', async () => {
    const [pair] = await connect(1)
    const closed = new Promise((resolve) => pair!.server.once('close', resolve))
    pair!.server.close(1000, 'bye')
    const send = vi.spyOn(WebSocket.prototype, 'send')
    expect(() => sendBinary(pair!.server, bytes(10))).not.toThrow()
    expect(send).toHaveBeenCalledTimes(1)
    await closed
    expect(pair!.received).toEqual([])
  })
})
