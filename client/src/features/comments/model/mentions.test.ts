import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addReply, editMessage, mentionsIn, readThreads, createThread } from './comments.ts'
import { matchMembers, mentionQuery } from './mentionQuery.ts'
import { safeHref, segmentBody } from './segmentBody.ts'

const bo = { userId: 'u2', name: 'Bo Ek' }
const cia = { userId: 'u3', name: 'Cia' }
const anchor = { start: new Uint8Array([1]), end: new Uint8Array([2]) }

describe('mentions in the comment model', () => {
  it('stores only the mentions still named in the body, and reads them back', () => {
    const doc = new Y.Doc()
    const id = createThread(doc, { sectionId: 's1', anchor, quote: 'q', body: '@Bo Ek titta', author: { id: 'u1', name: 'Anna' }, mentions: [bo, cia, bo] })
    const reply = addReply(doc, id, { id: 'u1', name: 'Anna' }, 'Ingen nämnd', [cia])
    expect(readThreads(doc)[0]!.messages.map((m) => m.mentions)).toEqual([[bo], undefined])
    editMessage(doc, id, reply!, 'Nu @Cia', [cia])
    expect(readThreads(doc)[0]!.messages[1]!.mentions).toEqual([cia])
    editMessage(doc, id, reply!, 'Ingen igen', [cia])
    expect(readThreads(doc)[0]!.messages[1]!.mentions).toBeUndefined()
    expect(mentionsIn('hej @Cia', [bo, cia])).toEqual([cia])
  })
})

describe('mentionQuery', () => {
  it('finds the @name before the caret, not in an e-mail address or across lines', () => {
    expect(mentionQuery('Hej @Bo', 7)).toEqual({ start: 4, query: 'Bo' })
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' })
    expect(mentionQuery('Hej @Bo E', 9)).toEqual({ start: 4, query: 'Bo E' })
    expect(mentionQuery('anna@kommun.se', 14)).toBeNull()
    expect(mentionQuery('@Bo\nhej', 7)).toBeNull()
    expect(mentionQuery('ingen', 5)).toBeNull()
  })

  it('matches a name or any word of it', () => {
    expect(matchMembers([bo, cia], 'ek')).toEqual([bo])
    expect(matchMembers([bo, cia], '')).toEqual([bo, cia])
    expect(matchMembers([bo, cia], 'ö')).toEqual([])
  })
})

describe('segmentBody', () => {
  it('splits mentions and http(s) links from text', () => {
    expect(segmentBody('@Bo Ek se https://esf.se/a?b=1. Tack @Cia', [bo, cia])).toEqual([
      { kind: 'mention', text: '@Bo Ek', userId: 'u2' },
      { kind: 'text', text: ' se ' },
      { kind: 'link', text: 'https://esf.se/a?b=1', href: 'https://esf.se/a?b=1' },
      { kind: 'text', text: '. Tack ' },
      { kind: 'mention', text: '@Cia', userId: 'u3' },
    ])
  })

  it('never links anything but http(s), and leaves names that are not mentions as text', () => {
    expect(segmentBody('javascript:alert(1) data:text/html,x @Bo Ek', [])).toEqual([{ kind: 'text', text: 'javascript:alert(1) data:text/html,x @Bo Ek' }])
    expect(safeHref('javascript:alert(1)')).toBeNull()
    expect(safeHref('http://x.se')).toBe('http://x.se/')
    const tricky = { userId: 'u9', name: '<img src=x onerror=alert(1)>' }
    expect(segmentBody('@<img src=x onerror=alert(1)> (a.b)', [tricky])[0]).toEqual({ kind: 'mention', text: '@<img src=x onerror=alert(1)>', userId: 'u9' })
  })
})
