import { describe, expect, it } from 'vitest'
import { Connection, TOO_MUCH_UNREAD, type WebSocketLike } from './Connection.ts'

const MiB = 1024 * 1024

/** A socket whose unread bytes grow with every send until `read()`. */
function slowSocket() {
  const socket = {
    bufferedAmount: 0,
    sent: 0,
    closedWith: undefined as string | undefined,
    send(data: Uint8Array) {
      socket.bufferedAmount += data.byteLength
      socket.sent++
    },
    close(_code: number, reason: string) {
      socket.closedWith = reason
    },
    read() {
      socket.bufferedAmount = 0
    },
  } satisfies WebSocketLike & Record<string, unknown>
  return socket
}

function connectionOn(socket: WebSocketLike): Connection {
  const connection = new Connection(socket, { userId: 'u', name: 'U', role: 'viewer', color: '#000' })
  connection.maxUnreadBytes = 4 * MiB
  return connection
}

describe('Connection unread limit', () => {
  it('closes a peer that stops reading once more than the limit waits, and drops what follows', () => {
    const socket = slowSocket()
    const connection = connectionOn(socket)
    for (let i = 0; i < 10; i++) connection.send(new Uint8Array(MiB))
    expect(socket.closedWith).toBe(TOO_MUCH_UNREAD.reason)
    expect(TOO_MUCH_UNREAD.code).toBe(4429)
    // 1 MiB allowed as the largest message, 4 MiB besides it: the sixth send found 5 MiB waiting... and went out.
    expect(socket.sent).toBe(6)
    expect(connection.closed).toBe(true)
  })

  it('allows for one large message (a whole document) on top, so the updates after it still go out', () => {
    const socket = slowSocket()
    const connection = connectionOn(socket)
    connection.send(new Uint8Array(40 * MiB))
    for (let i = 0; i < 100; i++) connection.send(new Uint8Array(1_000))
    expect(socket.closedWith).toBeUndefined()
    expect(socket.sent).toBe(101)
  })

  it('counts anew once the peer has read everything', () => {
    const socket = slowSocket()
    const connection = connectionOn(socket)
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 4; i++) connection.send(new Uint8Array(MiB))
      socket.read()
    }
    expect(socket.closedWith).toBeUndefined()
    expect(socket.sent).toBe(20)
  })

  it('never closes over a socket that cannot tell what is unread', () => {
    let sent = 0
    const connection = connectionOn({ send: () => void sent++, close: () => undefined })
    for (let i = 0; i < 10; i++) connection.send(new Uint8Array(MiB))
    expect(sent).toBe(10)
  })
})
