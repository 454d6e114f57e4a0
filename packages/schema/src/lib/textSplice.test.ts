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
  const applyOne = (text: string, { index, remove, insert }: ReturnType<typeof textSplice>) =>
    text.slice(0, index) + insert + text.slice(index + remove)
  const merged = (base: string, edited: string, current: string) => rebaseEdit(base, edited, current).reduce(applyOne, current)

  it('applies a keystroke typed over a text that others changed meanwhile, after their change', () => {
    // Erik's "Region " reached the document before Anna's field showed it; Anna typed "c".
    expect(merged('Dalarna o', 'Dalarna oc', 'Region Dalarna o')).toBe('Region Dalarna oc')
    expect(merged('Region Dalarna oc', 'Region Dalarna och', 'Region Dalarna oc')).toBe('Region Dalarna och')
    // Theirs after ours: ours stays put.
    expect(merged('Dalarna', 'RDalarna', 'Dalarna o')).toBe('RDalarna o')
    // Both at the same place: both kept, ours first, so neither person's next keystroke lands
    // inside the other's word.
    expect(merged('ab', 'aXb', 'aYb')).toBe('aXYb')
    expect(merged('Dal', 'Dala', 'DalG')).toBe('DalaG')
    expect(merged('', 'G', 'Dal')).toBe('GDal')
    // A deletion of ours beside an insertion of theirs.
    expect(merged('abc', 'ac', 'abcd')).toBe('acd')
  })

  it('keeps their change whole where both changed the same characters, and ours outside it', () => {
    expect(merged('Dalarna', 'Dala', 'Dalarna län')).toBe('Dala län')
    // Anna replaces "bcde" by X while Erik replaces "cd" by Y: her deletion of b and e holds.
    expect(merged('abcdef', 'aXf', 'abYef')).toBe('aXYf')
    expect(merged('abcdefg', 'aXg', 'abcQefg')).toBe('aXQg')
    expect(merged('abcdef', 'abXf', 'aYdef')).toBe('aYXf')
  })

  it('agrees with a character model of the two edits on random cases', () => {
    let seed = 7
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const word = (n: number) => Array.from({ length: n }, () => 'abcdef'[random(6)]).join('')
    let compared = 0
    for (let round = 0; round < 3000; round++) {
      const base = word(random(8))
      const own = { index: random(base.length + 1), remove: 0, insert: word(random(3)) }
      own.remove = random(base.length - own.index + 1)
      const theirs = { index: random(base.length + 1), remove: 0, insert: word(random(3)).toUpperCase() }
      theirs.remove = random(base.length - theirs.index + 1)
      const edited = applyOne(base, own)
      const current = applyOne(base, theirs)
      // The model: a base character stays unless either removed it; their text sits at their index,
      // ours at our index, or after theirs when ours starts inside or at their change.
      const oursFirst = own.index + own.remove <= theirs.index || own.index < theirs.index
      const ownAt = !oursFirst && own.index < theirs.index + Math.max(theirs.remove, 1) ? theirs.index + theirs.remove : own.index
      let expected = ''
      for (let position = 0; position <= base.length; position++) {
        if (ownAt === position && oursFirst) expected += textSplice(base, edited).insert
        if (theirs.index === position) expected += theirs.insert
        if (ownAt === position && !oursFirst) expected += textSplice(base, edited).insert
        const removed = (position >= own.index && position < own.index + own.remove) || (position >= theirs.index && position < theirs.index + theirs.remove)
        if (position < base.length && !removed) expected += base[position]
      }
      const got = merged(base, edited, current)
      // textSplice may describe our edit differently from how it was made (repeated letters): compare
      // only where it found the same edit.
      const found = textSplice(base, edited)
      if (found.index !== own.index || found.remove !== own.remove || textSplice(base, current).index !== theirs.index || textSplice(base, current).remove !== theirs.remove) continue
      compared++
      expect(got, JSON.stringify({ base, own, theirs })).toBe(expected)
    }
    expect(compared).toBeGreaterThan(1000)
  })
})

describe('textSplice with the caret', () => {
  it('places a change that could sit in several places where the caret says it was made', () => {
    // A space typed after the last space of "Förbundet  " (caret at the end): at the end, not at 9.
    expect(textSplice('Förbundet ', 'Förbundet  ', 11)).toEqual({ index: 10, remove: 0, insert: ' ' })
    expect(textSplice('Förbundet ', 'Förbundet  ')).toEqual({ index: 10, remove: 0, insert: ' ' })
    // "aa" → "aaa" typed at the start (caret 1): at 0.
    expect(textSplice('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' })
    // Backspace of the first of two spaces (caret 3 after): at 3.
    expect(textSplice('ab  c', 'ab c', 2)).toEqual({ index: 2, remove: 1, insert: '' })
  })
})
