import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addActivity } from './addActivity.ts'
import { editActivity } from './editActivity.ts'
import { readPlan } from './readPlan.ts'
import { testActivity } from './testActivity.ts'

describe('editActivity', () => {
  it('edits the activity’s map, turning a plain row into one first, and reads back through readPlan', () => {
    const doc = new Y.Doc()
    const id = addActivity(doc, testActivity({ title: 'Möte' }))
    expect(editActivity(doc, id, (map) => map.set('title', new Y.Text('Möte med cheferna')))).toBe(true)
    expect(readPlan(doc)[0]?.title).toBe('Möte med cheferna')

    doc.getArray('plan').push([{ id: 'plain', title: 'Gammal', start: '2025-01', end: '2025-01', status: 'planerad' }])
    expect(editActivity(doc, 'plain', (map) => map.set('phase', 'Analys'))).toBe(true)
    expect(doc.getArray('plan').get(1)).toBeInstanceOf(Y.Map)
    expect(readPlan(doc)[1]).toMatchObject({ id: 'plain', title: 'Gammal', phase: 'Analys' })
    expect(editActivity(doc, 'none', () => undefined)).toBe(false)
  })
})
