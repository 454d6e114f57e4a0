import { describe, expect, it } from 'vitest'
import { Broadcast } from './Broadcast.ts'
import { Connection } from './Connection.ts'

/** Connections that write what they are sent into one shared log, as `connection:frame`. */
function connections(count: number, log: string[]): Connection[] {
  return Array.from({ length: count }, (_, index) => {
    const socket = { send: (data: Uint8Array) => log.push(`${index}:${data[0]}`), close: () => undefined }
    return new Connection(socket, { userId: 'u', name: 'U', role: 'viewer', color: '#000' })
  })
}

const frame = (marker: number) => new Uint8Array([marker])
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('Broadcast', () => {
  it('sends to a room of up to one slice at once', () => {
    const log: string[] = []
    new Broadcast(3).send(connections(3, log), frame(1))
    expect(log).toEqual(['0:1', '1:1', '2:1'])
  })

  it('lets the event loop run between slices of a larger room', async () => {
    const log: string[] = []
    const broadcast = new Broadcast(2)
    broadcast.send(connections(5, log), frame(1))
    void nextTurn().then(() => log.push('other work'))
    await broadcast.idle()
    expect(log).toEqual(['0:1', '1:1', 'other work', '2:1', '3:1', '4:1'])
  })

  it('keeps the order of broadcasts for every connection, a small one after a large one too', async () => {
    const log: string[] = []
    const broadcast = new Broadcast(2)
    const room = connections(3, log)
    broadcast.send(room, frame(1))
    broadcast.send(room.slice(0, 2), frame(2))
    broadcast.send(room, frame(3))
    await broadcast.idle()
    for (const index of [0, 1]) expect(log.filter((entry) => entry.startsWith(`${index}:`))).toEqual([`${index}:1`, `${index}:2`, `${index}:3`])
    expect(log.filter((entry) => entry.startsWith('2:'))).toEqual(['2:1', '2:3'])
  })

  it('sends to the connections there were when it was started', async () => {
    const log: string[] = []
    const broadcast = new Broadcast(1)
    const room = new Set(connections(2, log))
    broadcast.send(room, frame(1))
    room.add(connections(3, log)[2]!)
    await broadcast.idle()
    expect(log).toEqual(['0:1', '1:1'])
  })
})
