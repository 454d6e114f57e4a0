import { describe, expect, it } from 'vitest'
import { linkableSections, resolveLinks, withLink, withoutLink } from './activityLinks.ts'

const sections = [
  { id: 's1', title: 'Syfte och vision', kind: 'text' },
  { id: 's2', title: '  ', kind: 'text' },
  { id: 's3', title: 'Aktivitetsplan', kind: 'plan' },
  { id: 's4', title: 'Nuläge', kind: 'text' },
]

describe('resolveLinks', () => {
  it('shows the current titles in link order, and marks links to removed sections without dropping them', () => {
    expect(resolveLinks(['s4', 'gone', 's1'], sections, '(borttaget avsnitt)')).toEqual([
      { id: 's4', title: 'Nuläge', removed: false },
      { id: 'gone', title: '(borttaget avsnitt)', removed: true },
      { id: 's1', title: 'Syfte och vision', removed: false },
    ])
  })

  it('falls back to the id for a section without a title, and handles no links', () => {
    expect(resolveLinks(['s2'], sections, '-')).toEqual([{ id: 's2', title: 's2', removed: false }])
    expect(resolveLinks([], sections, '-')).toEqual([])
  })
})

describe('linkableSections', () => {
  it('offers the sections not yet linked in outline order, never the plan section itself', () => {
    expect(linkableSections(['s1'], sections).map((section) => section.id)).toEqual(['s2', 's4'])
    expect(linkableSections([], []).length).toBe(0)
  })
})

describe('withLink and withoutLink', () => {
  it('adds a link once and removes every copy, without changing the input', () => {
    const links = ['s1']
    expect(withLink(links, 's4')).toEqual(['s1', 's4'])
    expect(withLink(links, 's1')).toEqual(['s1'])
    expect(withoutLink(['s1', 's4', 's1'], 's1')).toEqual(['s4'])
    expect(links).toEqual(['s1'])
  })
})
