import { describe, expect, it } from 'vitest'
import { TargetSet } from './TargetSet.ts'

describe('TargetSet', () => {
  it('deduplicates by root and key, keeping a key-less target apart from keyed ones', () => {
    const set = new TargetSet()
    set.addAll([
      { root: 'sections', key: 'a' },
      { root: 'sections' },
      { root: 'sections', key: 'a' },
      { root: 'section:a' },
    ])
    set.add({ root: 'sections', key: '' })
    expect(set.toArray()).toEqual([
      { root: 'sections', key: 'a' },
      { root: 'sections' },
      { root: 'sections', key: '' },
      { root: 'section:a' },
    ])
  })
})
