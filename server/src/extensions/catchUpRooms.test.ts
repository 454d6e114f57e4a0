import { RoomRegistry } from '@samskriv/collab'
import { MemoryDocumentStore } from '@samskriv/storage'
import { describe, expect, it } from 'vitest'
import { catchUpRooms } from './catchUpRooms.ts'

/** The memory store, with one document whose reads fail as an unreachable database's would. */
class PartlyDownStore extends MemoryDocumentStore {
  unreadable: string | undefined
  override async load(documentId: string) {
    if (documentId === this.unreadable) throw new Error('connection refused')
    return super.load(documentId)
  }
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached')
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

const fanoutDown = { server: { fanout: 'unavailable' } }

describe('catchUpRooms', () => {
  it('clears the fan-out notice only in rooms that caught up, and retries the others', async () => {
    const store = new PartlyDownStore()
    const rooms = new RoomRegistry({
      store,
      extensions: [],
      limits: { messagesPerSecond: 1000, maxAwarenessBytes: 10_000, maxDocumentBytes: 1_000_000 },
      unloadAfterMs: 60_000,
      compactAfter: 1000,
    })
    const reachable = await rooms.open('reachable')
    const unreachable = await rooms.open('unreachable')
    for (const room of [reachable, unreachable]) room.reportService('fanout', false)
    store.unreadable = 'unreachable'

    expect(await catchUpRooms(rooms, { subscriptionLost: () => false, retryMs: 5 })).toEqual({ caughtUp: 1, open: 2 })
    expect(reachable.awareness.getLocalState()).toBeNull()
    expect(unreachable.awareness.getLocalState()).toEqual(fanoutDown)

    store.unreadable = undefined
    await until(() => unreachable.awareness.getLocalState() === null)
  })

  it('leaves the notice while the subscription is lost again', async () => {
    const rooms = new RoomRegistry({
      store: new MemoryDocumentStore(),
      extensions: [],
      limits: { messagesPerSecond: 1000, maxAwarenessBytes: 10_000, maxDocumentBytes: 1_000_000 },
      unloadAfterMs: 60_000,
      compactAfter: 1000,
    })
    const room = await rooms.open('doc')
    room.reportService('fanout', false)
    await catchUpRooms(rooms, { subscriptionLost: () => true })
    expect(room.awareness.getLocalState()).toEqual(fanoutDown)
  })
})
