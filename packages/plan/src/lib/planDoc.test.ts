import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addActivities } from './addActivities.ts'
import { addActivity } from './addActivity.ts'
import { moveActivity } from './moveActivity.ts'
import { parsePlanText } from './parsePlanText.ts'
import { readPlan } from './readPlan.ts'
import { removeActivity } from './removeActivity.ts'
import { testActivity } from './testActivity.ts'
import { updateActivity } from './updateActivity.ts'

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

function ids(doc: Y.Doc): string[] {
  return readPlan(doc).map((activity) => activity.id)
}

describe('plan accessors', () => {
  it('stores each field under its own key of a Y.Map in the plan array', () => {
    const doc = new Y.Doc()
    const activity = testActivity({
      owner: { kind: 'external', name: 'Region Värmland' },
      links: ['goal-1'],
    })
    addActivity(doc, activity)
    const stored = doc.getArray<Y.Map<unknown>>('plan').get(0)
    expect(stored).toBeInstanceOf(Y.Map)
    // Title and phase are shared texts from the start (see `SHARED_TEXT_KEYS`).
    expect(stored.get('title')).toBeInstanceOf(Y.Text)
    expect(String(stored.get('title'))).toBe(activity.title)
    expect(stored.get('phase')).toBeInstanceOf(Y.Text)
    expect(stored.get('owner')).toEqual({ kind: 'external', name: 'Region Värmland' })
    expect(readPlan(doc)).toEqual([activity])
  })

  it("keeps both people's typing in a new activity's title, and an update changes only what differs", () => {
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    addActivity(alice, testActivity({ title: 'Enkät' }))
    sync(alice, bob)
    // Both type before hearing of the other: into the same shared text, made with the row.
    const titleIn = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('plan').get(0).get('title') as Y.Text
    titleIn(alice).insert(0, 'Ny ')
    titleIn(bob).insert(5, ' till chefer')
    // A plain update of the title (an import, another tool) edits the text in place.
    updateActivity(bob, 'a1', { title: 'Enkät till chefer, vår' })
    sync(alice, bob)
    for (const doc of [alice, bob]) expect(readPlan(doc)[0]?.title).toBe('Ny Enkät till chefer, vår')
  })

  it('changes a shared title in place without cutting an emoji in two', () => {
    const [alice, bob] = [new Y.Doc(), new Y.Doc()]
    addActivity(alice, testActivity({ title: 'Möte 😀' }))
    sync(alice, bob)
    updateActivity(alice, 'a1', { title: 'Möte 😁' })
    sync(alice, bob)
    for (const doc of [alice, bob]) expect(readPlan(doc)[0]?.title).toBe('Möte 😁')
  })

  it('generates ids, inserts at an index and refuses duplicate ids', () => {
    const doc = new Y.Doc()
    const { id: _id, ...draft } = testActivity()
    const generated = addActivity(doc, draft)
    expect(generated).toMatch(/^[0-9a-f-]{36}$/)
    addActivity(doc, testActivity({ id: 'first' }), { index: 0 })
    expect(ids(doc)).toEqual(['first', generated])
    expect(() => addActivity(doc, testActivity({ id: 'first' }))).toThrow(/already exists/)
    expect(() => addActivity(doc, testActivity({ id: 'bad', start: 'oktober' }))).toThrow(TypeError)
    expect(ids(doc)).toEqual(['first', generated])
  })

  it('imports many activities in one transaction, all or nothing', () => {
    const doc = new Y.Doc()
    let updates = 0
    doc.on('update', () => updates++)
    const created = addActivities(doc, [testActivity({ id: 'x' }), testActivity({ id: 'y' })])
    expect(created).toEqual(['x', 'y'])
    expect(updates).toBe(1)
    expect(() =>
      addActivities(doc, [testActivity({ id: 'z' }), testActivity({ id: 'z' })]),
    ).toThrow()
    expect(ids(doc)).toEqual(['x', 'y'])
  })

  it('updates only changed keys, so concurrent edits of different fields both survive', () => {
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    addActivity(alice, testActivity())
    sync(alice, bob)
    updateActivity(alice, 'a1', { title: 'Ny titel', status: 'pagar' })
    // Bob's patch repeats the old title: it must not be written, or it could beat Alice's edit.
    updateActivity(bob, 'a1', { title: testActivity().title, end: '2024-02' })
    sync(alice, bob)
    for (const doc of [alice, bob]) {
      const [activity] = readPlan(doc)
      expect(activity).toMatchObject({ title: 'Ny titel', status: 'pagar', end: '2024-02' })
    }
  })

  it('writes nothing for a patch that changes nothing and reports unknown ids', () => {
    const doc = new Y.Doc()
    addActivity(doc, testActivity())
    let updates = 0
    doc.on('update', () => updates++)
    expect(updateActivity(doc, 'a1', { title: testActivity().title, links: [] })).toBe(true)
    expect(updates).toBe(0)
    expect(updateActivity(doc, 'saknas', { title: 'x' })).toBe(false)
    expect(() => updateActivity(doc, 'a1', { status: 'kanske' as never })).toThrow(TypeError)
    expect(updateActivity(doc, 'a1', { status: 'pågår' as never })).toBe(true)
    expect(readPlan(doc)[0]?.status).toBe('pagar')
  })

  it('removes activities', () => {
    const doc = new Y.Doc()
    addActivities(doc, [testActivity({ id: 'x' }), testActivity({ id: 'y' })])
    expect(removeActivity(doc, 'x')).toBe(true)
    expect(removeActivity(doc, 'x')).toBe(false)
    expect(ids(doc)).toEqual(['y'])
  })

  it('moves activities and keeps their fields', () => {
    const doc = new Y.Doc()
    addActivities(
      doc,
      ['a', 'b', 'c', 'd'].map((id) => testActivity({ id, title: id.toUpperCase() })),
    )
    expect(moveActivity(doc, 'a', 2)).toBe(true)
    expect(ids(doc)).toEqual(['b', 'c', 'a', 'd'])
    moveActivity(doc, 'd', 0)
    expect(ids(doc)).toEqual(['d', 'b', 'c', 'a'])
    moveActivity(doc, 'b', 99)
    expect(ids(doc)).toEqual(['d', 'c', 'a', 'b'])
    expect(readPlan(doc).find((activity) => activity.id === 'b')?.title).toBe('B')
    expect(moveActivity(doc, 'saknas', 0)).toBe(false)
  })

  it('shows one activity when two users move the same one at once, and the next move cleans up', () => {
    const alice = new Y.Doc()
    const bob = new Y.Doc()
    addActivities(
      alice,
      ['a', 'b', 'c'].map((id) => testActivity({ id })),
    )
    sync(alice, bob)
    moveActivity(alice, 'a', 2)
    moveActivity(bob, 'a', 1)
    sync(alice, bob)
    expect(ids(alice)).toEqual(ids(bob))
    expect(ids(alice).filter((id) => id === 'a')).toHaveLength(1)
    expect(alice.getArray('plan').length).toBe(4)
    updateActivity(alice, 'a', { title: 'Båda kopiorna' })
    expect(readPlan(alice).find((activity) => activity.id === 'a')?.title).toBe('Båda kopiorna')
    moveActivity(alice, 'a', 0)
    expect(alice.getArray('plan').length).toBe(3)
    expect(ids(alice)[0]).toBe('a')
  })

  it('tolerates malformed stored data and indexes by visible position', () => {
    const doc = new Y.Doc()
    const array = doc.getArray<unknown>('plan')
    const broken = new Y.Map<unknown>()
    broken.set('title', 'utan id')
    const repairable = new Y.Map<unknown>()
    for (const [key, value] of Object.entries({
      id: 'r',
      title: 42,
      start: '2024-1',
      status: 'Inställd',
      owner: 'Kommunen',
      links: ['s1', 7],
    })) {
      repairable.set(key, value)
    }
    array.push([
      42,
      'text',
      null,
      broken,
      repairable,
      { id: 'plain', title: 'Vanligt objekt', start: '2024-03', end: '2024-04' },
    ])
    expect(readPlan(doc)).toEqual([
      testActivity({
        id: 'r',
        title: '',
        start: '2024-01',
        end: '2024-01',
        status: 'installd',
        phase: '',
        owner: { kind: 'external', name: 'Kommunen' },
        links: ['s1'],
      }),
      testActivity({
        id: 'plain',
        title: 'Vanligt objekt',
        start: '2024-03',
        end: '2024-04',
        phase: '',
      }),
    ])
    // A plain-object row becomes a Y.Map when edited, keeping its other fields.
    updateActivity(doc, 'plain', { status: 'klar' })
    expect(
      array.toArray().find((item) => item instanceof Y.Map && item.get('id') === 'plain'),
    ).toBeDefined()
    expect(readPlan(doc)[1]).toMatchObject({
      title: 'Vanligt objekt',
      status: 'klar',
      end: '2024-04',
    })
    addActivity(doc, testActivity({ id: 'new' }), { index: 1 })
    expect(ids(doc)).toEqual(['r', 'new', 'plain'])
  })

  it('reads an empty plan when the root name holds another type, and refuses to write', () => {
    const doc = new Y.Doc()
    doc.getMap('plan')
    expect(readPlan(doc)).toEqual([])
    expect(() => addActivity(doc, testActivity())).toThrow(/not a Y.Array/)
    expect(updateActivity(doc, 'a1', { title: 'x' })).toBe(false)
  })

  it('imports the drafts of a pasted plan, leaving the preview-only sourceLines behind', () => {
    const doc = new Y.Doc()
    const { activities } = parsePlanText(
      'Oktober 2023\n- Enkät\n- Styrgrupp\nNovember\n- Styrgrupp',
    )
    addActivities(doc, activities)
    const stored = readPlan(doc)
    expect(stored.map((a) => [a.title, a.start, a.end, a.recurrence])).toEqual([
      ['Enkät', '2023-10', '2023-10', null],
      ['Styrgrupp', '2023-10', '2023-11', { every: 'month' }],
    ])
    expect(doc.getArray<Y.Map<unknown>>('plan').get(0).has('sourceLines')).toBe(false)
  })
})
