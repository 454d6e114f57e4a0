import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addActivity, readPlan, updateActivity } from '@samskriv/plan'
import type { ActivityInput } from '@samskriv/plan'
import { createPlanRemovals } from './planRemovals.ts'

const activity = (title: string, start: string): ActivityInput => ({
  title, description: '', owner: { kind: 'external', name: 'Försäkringskassan' }, start, end: start,
  status: 'pagar', phase: 'Analys', links: ['s1'], recurrence: null,
})

/** Two replicas that exchange every update at once, like two users online. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, update, a))
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, update, b))
  return [a, b]
}

describe('createPlanRemovals', () => {
  it('brings back a removed activity with its values and in its place, for the other user too', () => {
    const [a, b] = pair()
    for (const [title, start] of [['Ett', '2025-01'], ['Två', '2025-02'], ['Tre', '2025-03']] as const) addActivity(a, activity(title, start))
    const removals = createPlanRemovals(a)
    const before = readPlan(b)
    const id = before[1]!.id
    expect(removals.remove(id)).toEqual({ id, title: 'Två' })
    expect(readPlan(b).map((entry) => entry.title)).toEqual(['Ett', 'Tre'])
    expect(removals.undo()).toEqual({ id, title: 'Två' })
    expect(readPlan(b)).toEqual(before)
    expect(removals.undo()).toBeNull()
  })

  it('undoes only the removal: the other user’s edits and additions, and this user’s other edits, stay', () => {
    const [a, b] = pair()
    addActivity(a, activity('Ett', '2025-01'))
    const kept = addActivity(a, activity('Två', '2025-02'))
    const removals = createPlanRemovals(a)
    const id = readPlan(a)[0]!.id
    removals.remove(id)
    updateActivity(b, kept, { title: 'Två, ändrad av B' })
    addActivity(b, activity('Ny från B', '2025-04'))
    updateActivity(a, kept, { status: 'klar' })
    removals.undo()
    const plan = readPlan(b)
    expect(plan.map((entry) => entry.title)).toEqual(['Ett', 'Två, ändrad av B', 'Ny från B'])
    expect(plan[1]!.status).toBe('klar')
  })

  it('keeps two quick removals apart: each undo brings back one, the latest first', () => {
    const a = new Y.Doc()
    addActivity(a, activity('Ett', '2025-01'))
    addActivity(a, activity('Två', '2025-02'))
    const removals = createPlanRemovals(a)
    const [first, second] = readPlan(a)
    removals.remove(first!.id)
    removals.remove(second!.id)
    expect(readPlan(a)).toEqual([])
    expect(removals.undo()?.title).toBe('Två')
    expect(readPlan(a).map((entry) => entry.title)).toEqual(['Två'])
    expect(removals.undo()?.title).toBe('Ett')
    expect(readPlan(a).map((entry) => entry.title)).toEqual(['Ett', 'Två'])
  })

  it('removes nothing and offers nothing for an id that is not in the plan', () => {
    const removals = createPlanRemovals(new Y.Doc())
    expect(removals.remove('saknas')).toBeNull()
    expect(removals.undo()).toBeNull()
  })
})
