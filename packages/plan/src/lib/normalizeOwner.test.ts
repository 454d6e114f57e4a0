import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { normalizeOwner } from './normalizeOwner.ts'
import { readPlan } from './readPlan.ts'
import { updateActivity } from './updateActivity.ts'
import { validatePlan } from './validatePlan.ts'

describe('the owner of an activity', () => {
  it('is a member by user id or an outside actor by name, without extra keys', () => {
    expect(normalizeOwner({ kind: 'member', userId: 'u1', name: ' Lena Ek ', role: 'editor' })).toEqual({
      kind: 'member',
      userId: 'u1',
      name: 'Lena Ek',
    })
    // A member keeps the user id even without a name: the UI looks the current name up.
    expect(normalizeOwner({ kind: 'member', userId: 'u1' })).toEqual({ kind: 'member', userId: 'u1', name: '' })
    expect(normalizeOwner({ kind: 'external', name: 'Försäkringskassan' })).toEqual({
      kind: 'external',
      name: 'Försäkringskassan',
    })
  })

  it('reads an old free-text owner as an outside actor, so no name is lost', () => {
    expect(normalizeOwner('  Arbetsförmedlingen Värmland ')).toEqual({
      kind: 'external',
      name: 'Arbetsförmedlingen Värmland',
    })
    const doc = new Y.Doc()
    const row = new Y.Map<unknown>()
    for (const [key, value] of Object.entries({ id: 'old', title: 'Styrgrupp', start: '2024-02', end: '2024-02', owner: 'Region Värmland' })) {
      row.set(key, value)
    }
    doc.getArray('plan').push([row])
    const [activity] = readPlan(doc)
    expect(activity?.owner).toEqual({ kind: 'external', name: 'Region Värmland' })
    // An outside actor is never reported as a member who left.
    expect(validatePlan(readPlan(doc), { memberIds: ['u1'] })).toEqual([])
    // The next owner edit stores the structured form.
    updateActivity(doc, 'old', { owner: { kind: 'member', userId: 'u1', name: 'Lena' } })
    expect(row.get('owner')).toEqual({ kind: 'member', userId: 'u1', name: 'Lena' })
  })

  it('is unusable when it names nobody', () => {
    for (const value of ['', '   ', { kind: 'member', name: 'Utan id' }, { kind: 'external', name: ' ' }, { kind: 'robot' }, 42, []]) {
      expect(normalizeOwner(value)).toBeNull()
    }
  })

  it('refuses an unusable owner on write, writing nothing', () => {
    const doc = new Y.Doc()
    const row = new Y.Map<unknown>()
    row.set('id', 'a')
    row.set('start', '2024-01')
    doc.getArray('plan').push([row])
    expect(() => updateActivity(doc, 'a', { owner: { kind: 'external', name: '' } })).toThrow(TypeError)
    expect(row.has('owner')).toBe(false)
  })
})
