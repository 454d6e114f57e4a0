import { describe, expect, it } from 'vitest'
import type { Activity } from '@samskriv/plan'
import { ownerFilterOptions } from './ownerFilterOptions.ts'
import { ownerKey } from './ownerKey.ts'

const activity = (id: string, owner: Activity['owner']): Activity => ({
  id, title: id, description: '', owner, start: '2025-01', end: '2025-02',
  status: 'planerad', phase: '', links: [], recurrence: null,
})

describe('ownerFilterOptions', () => {
  it('lists each owner once under the current name, outside actors and leavers marked, nobody last', () => {
    const members = [{ userId: 'u1', name: 'Åsa Nyberg' }]
    const options = ownerFilterOptions(
      [
        activity('a', { kind: 'member', userId: 'u1', name: 'Åsa Gammal' }),
        activity('b', { kind: 'member', userId: 'u1', name: 'Åsa' }),
        activity('c', { kind: 'external', name: 'Försäkringskassan' }),
        activity('d', { kind: 'external', name: ' försäkringskassan ' }),
        activity('e', { kind: 'member', userId: 'gone', name: 'Bo Berg' }),
        activity('f', null),
      ],
      members,
    )
    expect(options).toEqual([
      { key: 'member:gone', label: 'Bo Berg (har lämnat arbetsytan)' },
      { key: 'external:försäkringskassan', label: 'Försäkringskassan (extern)' },
      { key: 'member:u1', label: 'Åsa Nyberg' },
      { key: 'none', label: 'Utan ansvarig' },
    ])
    // The filter compares these keys with each activity's owner.
    expect(ownerKey({ kind: 'external', name: 'FÖRSÄKRINGSKASSAN' })).toBe('external:försäkringskassan')
  })
})
