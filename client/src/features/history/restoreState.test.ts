import { describe, expect, it } from 'vitest'
import { restoreState } from './restoreState.ts'
import type { SectionDiff } from './versionsApi.ts'

const comparison: SectionDiff[] = [
  { id: 'same', title: 'Målgrupp', change: 'unchanged', ops: [{ type: 'equal', text: 'Unga vuxna.' }] },
  { id: 'edited', title: 'Aktörer', change: 'changed', ops: [{ type: 'delete', text: 'Förr' }, { type: 'insert', text: 'Nu' }] },
  { id: 'new', title: 'Nytt', change: 'added', ops: [] },
  { id: 'old', title: 'Borttaget', change: 'removed', ops: [] },
  { id: 'tables', title: 'Budget', change: 'changed', fieldsChanged: true, ops: [{ type: 'equal', text: 'Kostnader.' }] },
]

describe('restoreState', () => {
  it('offers a restore where the section differs from the current text', () => {
    expect(restoreState('edited', comparison)).toBe('restorable')
  })

  it('says a section is unchanged when its text, title and values are as now', () => {
    expect(restoreState('same', comparison)).toBe('unchanged')
  })

  it('offers a restore where only the structured values differ', () => {
    expect(restoreState('tables', comparison)).toBe('restorable')
  })

  it('offers no restore for a section removed from the document since', () => {
    expect(restoreState('old', comparison)).toBe('gone')
  })

  it('offers the restore when there is no comparison or it lacks the section', () => {
    expect(restoreState('same', undefined)).toBe('restorable')
    expect(restoreState('elsewhere', comparison)).toBe('restorable')
  })
})
