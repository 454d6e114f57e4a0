import type { Room } from '@samskriv/collab'
import type { AppStore } from '@samskriv/storage'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentActivity, onlyMakesEmptyTexts } from './documentActivity.ts'

/** Just `touchDocuments`, failing while `down` is set, recording what it wrote. */
function fakeStore() {
  const written: Array<Array<{ id: string; updatedAt: string }>> = []
  const store = {
    down: false,
    written,
    async touchDocuments(changes: ReadonlyArray<{ id: string; updatedAt: string }>) {
      if (store.down) throw new Error('connection refused')
      written.push([...changes])
    },
  }
  return store
}

const touch = (activity: ReturnType<typeof documentActivity>, documentId: string) =>
  activity.afterStoreUpdate?.({ room: { documentId } as Room, update: new Uint8Array(), authors: [] })

describe('documentActivity', () => {
  it('writes every changed document in one call, and keeps what a failed write could not store', async () => {
    const store = fakeStore()
    const activity = documentActivity(store as unknown as AppStore, 60_000)
    touch(activity, 'a')
    touch(activity, 'b')
    touch(activity, 'a')
    store.down = true
    await activity.flush()
    expect(store.written).toEqual([])
    store.down = false
    await activity.flush()
    expect(store.written).toHaveLength(1)
    expect(store.written[0]!.map((change) => change.id).sort()).toEqual(['a', 'b'])
    await activity.flush()
    expect(store.written).toHaveLength(1)
  })

  it('does not count a focus that only made a field an empty shared text as a change', async () => {
    const store = fakeStore()
    const activity = documentActivity(store as unknown as AppStore, 60_000)
    const doc = new Y.Doc()
    const entry = new Y.Map<unknown>()
    doc.getMap('fields').set('oversikt', entry)
    const made = (change: () => void) => {
      const before = Y.encodeStateVector(doc)
      change()
      return Y.encodeStateAsUpdate(doc, before)
    }
    const focus = made(() => entry.set('name', new Y.Text('')))
    const typed = made(() => (entry.get('name') as Y.Text).insert(0, 'Projekt'))
    const cleared = made(() => entry.delete('name'))
    expect([focus, typed, cleared].map(onlyMakesEmptyTexts)).toEqual([true, false, false])
    activity.afterStoreUpdate?.({ room: { documentId: 'fokus' } as Room, update: focus, authors: [] })
    await activity.flush()
    expect(store.written).toEqual([])
    activity.afterStoreUpdate?.({ room: { documentId: 'fokus' } as Room, update: typed, authors: [] })
    await activity.flush()
    expect(store.written.flat().map((change) => change.id)).toEqual(['fokus'])
  })
})
