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

describe('readCheckedFields and empty texts', () => {
  it('reads a field made an empty shared text (a form does so on focus) as no value, in a table too', () => {
    const doc = new Y.Doc()
    const row = new Y.Map<unknown>([['label', 'Lön'], ['amount', 100]])
    doc.getMap('fields').set('budget', new Y.Map<unknown>([['rows', Y.Array.from([row])], ['name', 'Projekt']]))
    const before = readCheckedFields(doc, 'budget', 'budget')
    const entry = doc.getMap('fields').get('budget') as Y.Map<unknown>
    entry.set('call', new Y.Text(''))
    row.set('note', new Y.Text(''))
    expect(readCheckedFields(doc, 'budget', 'budget')).toEqual(before)
    ;(entry.get('call') as Y.Text).insert(0, 'Utlysning 3')
    expect(readCheckedFields(doc, 'budget', 'budget')).toEqual({ ...before, call: 'Utlysning 3' })
  })

  it('reads an entry holding only empty texts as no entry, as one that does not exist', () => {
    const doc = new Y.Doc()
    expect(readCheckedFields(doc, 'text', 'text')).toBeUndefined()
    doc.getMap('fields').set('text', new Y.Map<unknown>([['name', new Y.Text('')]]))
    expect(readCheckedFields(doc, 'text', 'text')).toBeUndefined()
  })
})
