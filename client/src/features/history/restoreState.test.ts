import { describe, expect, it } from 'vitest'
import { restoreState } from './restoreState.ts'
import type { SectionDiff } from './versionsApi.ts'

const comparison: SectionDiff[] = [
  { id: 'same', title: 'Målgrupp', change: 'unchanged', ops: [{ type: 'equal', text: 'Unga vuxna.' }] },
  { id: 'edited', title: 'Aktörer', change: 'changed', ops: [{ type: 'delete', text: 'Förr' }, { type: 'insert', text: 'Nu' }] },
  { id: 'new', title: 'Nytt', change: 'added', ops: [] },
  { id: 'old', title: 'Borttaget', change: 'removed', ops: [] },
]

describe('restoreState', () => {
  it('offers a restore where the section differs from the current text', () => {
    expect(restoreState('edited', comparison, false)).toBe('restorable')
  })

  it('says a section is unchanged when its text and title are as now', () => {
    expect(restoreState('same', comparison, false)).toBe('unchanged')
  })

  it('keeps the restore for an unchanged-looking section with structured values, which the comparison does not cover', () => {
    expect(restoreState('same', comparison, true)).toBe('restorable')
  })

  it('offers no restore for a section removed from the document since', () => {
    expect(restoreState('old', comparison, false)).toBe('gone')
    expect(restoreState('old', comparison, true)).toBe('gone')
  })

  it('offers the restore when there is no comparison or it lacks the section', () => {
    expect(restoreState('same', undefined, false)).toBe('restorable')
    expect(restoreState('elsewhere', comparison, false)).toBe('restorable')
  })
})
