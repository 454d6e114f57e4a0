import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readCheckedFields } from './readCheckedFields.ts'

describe('readCheckedFields', () => {
  it('reads a section’s values stored as a Y.Map or as a plain object, as the forms and exports show them', () => {
    const doc = new Y.Doc()
    const row = { goal: 'Halvera väntetiden', target: 30 }
    doc.getMap('fields').set('shared', new Y.Map<unknown>([['rows', Y.Array.from([new Y.Map<unknown>(Object.entries(row))])]]))
    doc.getMap('fields').set('plain', { rows: [row] })
    expect(readCheckedFields(doc, 'shared', 'indicators')).toEqual({ rows: [row] })
    expect(readCheckedFields(doc, 'plain', 'indicators')).toEqual({ rows: [row] })
  })

  it('reads no values for a text section, nor for an entry that is no record', () => {
    const doc = new Y.Doc()
    doc.getMap('fields').set('list', ['a'])
    expect(readCheckedFields(doc, 'missing', 'text')).toBeUndefined()
    expect(readCheckedFields(doc, 'list', 'text')).toBeUndefined()
  })
})
