import { describe, expect, it } from 'vitest'
import { movedCaret, rebaseEdit, textSplice } from './textSplice.ts'

const apply = (before: string, { index, remove, insert }: ReturnType<typeof textSplice>) =>
  before.slice(0, index) + insert + before.slice(index + remove)

describe('textSplice', () => {
  it('finds the one changed stretch of a keystroke, a deletion, a paste over a selection and a clear', () => {
    expect(textSplice('Dalarna', 'Dalarnas län')).toEqual({ index: 7, remove: 0, insert: 's län' })
    expect(textSplice('Dalarnas län', 'Dalarna län')).toEqual({ index: 7, remove: 1, insert: '' })
    expect(textSplice('Region Dalarna', 'Region Gävleborg')).toEqual({ index: 7, remove: 7, insert: 'Gävleborg' })
    expect(textSplice('abc', '')).toEqual({ index: 0, remove: 3, insert: '' })
    expect(textSplice('', 'a')).toEqual({ index: 0, remove: 0, insert: 'a' })
    expect(textSplice('same', 'same')).toEqual({ index: 4, remove: 0, insert: '' })
    // Repeated letters: the common start and end do not overlap.
    expect(apply('aaa', textSplice('aaa', 'aa'))).toBe('aa')
    expect(apply('aa', textSplice('aa', 'aaaa'))).toBe('aaaa')
  })

  it('never cuts a surrogate pair: an emoji changed for another is replaced whole', () => {
    const splice = textSplice('a😀b', 'a😃b')
    expect(splice).toEqual({ index: 1, remove: 2, insert: '😃' })
    expect(apply('😀😀', textSplice('😀😀', '😀'))).toBe('😀')
    for (const [before, after] of [['x😀', 'x😃'], ['😀x', '😃x'], ['😀', ''], ['', '😀'], ['👍🏽', '👍🏿']] as const) {
      const found = textSplice(before, after)
      expect(apply(before, found)).toBe(after)
      expect(found.insert).toBe(found.insert.normalize()) // whole characters only
      expect(/[\ud800-\udbff]$|^[\udc00-\udfff]/.test(found.insert)).toBe(false)
    }
  })
})

describe('movedCaret', () => {
  it('keeps a caret before a remote change and shifts one after it', () => {
    // Anna's caret after "Dalarna" (7); Erik types in front of it.
    expect(movedCaret(7, 'Dalarna', 'Ny Dalarna')).toBe(10)
    expect(movedCaret(2, 'Dalarna', 'Dalarnas län')).toBe(2)
    expect(movedCaret(7, 'Dalarna län', 'Dalarna')).toBe(7)
    expect(movedCaret(5, 'Region Dalarna', 'Region Gävleborg')).toBe(5)
    expect(movedCaret(10, 'Region Dalarna', 'Region Gävleborg')).toBe(16)
  })
})

describe('rebaseEdit', () => {
  const apply = (text: string, { index, remove, insert }: ReturnType<typeof textSplice>) =>
    text.slice(0, index) + insert + text.slice(index + remove)
  const merged = (base: string, edited: string, current: string) => apply(current, rebaseEdit(base, edited, current))

  it('applies a keystroke typed over a text that others changed meanwhile, after their change', () => {
    // Erik's "Region " reached the document before Anna's field showed it; Anna typed "c".
    expect(merged('Dalarna o', 'Dalarna oc', 'Region Dalarna o')).toBe('Region Dalarna oc')
    expect(merged('Region Dalarna oc', 'Region Dalarna och', 'Region Dalarna oc')).toBe('Region Dalarna och')
    // Theirs after ours: ours stays put.
    expect(merged('Dalarna', 'RDalarna', 'Dalarna o')).toBe('RDalarna o')
    // Both at the same place: both kept.
    expect(merged('ab', 'aXb', 'aYb')).toBe('aYXb')
    // A deletion of ours beside an insertion of theirs.
    expect(merged('abc', 'ac', 'abcd')).toBe('acd')
  })

  it('keeps their change whole where both changed the same characters', () => {
    expect(merged('Dalarna', 'Dala', 'Dalarna län')).toBe('Dala län')
    expect(merged('abcdef', 'aXf', 'abYef')).toBe('aXYef')
  })
})
