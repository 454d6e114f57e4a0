import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addReply, commentsRoot, createThread, deleteMessage, editMessage, readThreads, resolveAnchor, setResolved } from './comments.ts'

function docWithText(text: string) {
  const doc = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  const yText = new Y.XmlText(text)
  paragraph.insert(0, [yText])
  doc.getXmlFragment('section:s1').push([paragraph])
  return { doc, yText }
}

const author = { id: 'u1', name: 'Anna' }

describe('comments model', () => {
  it('creates, replies, edits, resolves and follows text edits', () => {
    const { doc, yText } = docWithText('Vi ska samverka kring unga vuxna i regionen')
    const from = yText.toString().indexOf('unga')
    const to = from + 'unga vuxna'.length
    const anchor = {
      start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(yText, from)),
      end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(yText, to)),
    }
    const id = createThread(doc, { sectionId: 's1', anchor, quote: 'unga vuxna', body: 'Vilka?', author })
    const reply = addReply(doc, id, { id: 'u2', name: 'Bo' }, 'Alla under 30')
    expect(reply).not.toBeNull()
    expect(editMessage(doc, id, reply!, 'Alla 18–29')).toBe(true)
    setResolved(doc, id, true)
    yText.insert(0, 'Nu: ')
    yText.insert(yText.toString().indexOf('vuxna'), 'unga ')
    const [thread] = readThreads(doc)
    expect(thread!.resolved).toBe(true)
    expect(thread!.messages.map((m) => m.body)).toEqual(['Vilka?', 'Alla 18–29'])
    const resolved = resolveAnchor(doc, thread!)!
    expect(yText.toString().slice(resolved.start, resolved.end)).toBe('unga unga vuxna')

    yText.delete(resolved.start, resolved.end - resolved.start)
    expect(resolveAnchor(doc, readThreads(doc)[0]!)).toBeNull()
    expect(deleteMessage(doc, id, reply!)).toBe(true)
    expect(readThreads(doc)[0]!.messages).toHaveLength(1)
  })

  it('deletes only the message: a thread without messages stays in the document, left out of every list', () => {
    const { doc, yText } = docWithText('Vi ska samverka')
    const anchor = { start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(yText, 0)), end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(yText, 2)) }
    const id = createThread(doc, { sectionId: 's1', anchor, quote: 'Vi', body: 'Ensam', author })
    const other = createThread(doc, { sectionId: 's1', anchor, quote: 'Vi', body: 'Kvar', author })
    // A reply made at the same moment on another client: the deletion must not take it along.
    const replier = new Y.Doc()
    Y.applyUpdate(replier, Y.encodeStateAsUpdate(doc))
    addReply(replier, id, { id: 'u2', name: 'Bo' }, 'Samtidigt svar')
    const first = readThreads(doc).find((thread) => thread.id === id)!.messages[0]!
    expect(deleteMessage(doc, id, first.id)).toBe(true)
    expect(commentsRoot(doc).has(id)).toBe(true)
    expect(readThreads(doc).map((thread) => thread.id)).toEqual([other])
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(replier))
    expect(readThreads(doc).find((thread) => thread.id === id)?.messages.map((m) => m.body)).toEqual(['Samtidigt svar'])
  })

  it('skips malformed data without throwing', () => {
    const doc = new Y.Doc()
    const root = commentsRoot(doc) as unknown as Y.Map<unknown>
    root.set('a', 'nonsense')
    const bad = new Y.Map<unknown>()
    bad.set('sectionId', 5)
    root.set('b', bad)
    const noAnchor = new Y.Map<unknown>()
    noAnchor.set('sectionId', 's')
    noAnchor.set('anchor', { start: 'x', end: null })
    noAnchor.set('messages', new Y.Array())
    root.set('c', noAnchor)
    expect(readThreads(doc)).toEqual([])
    expect(resolveAnchor(doc, { anchor: { start: new Uint8Array([255, 1]), end: new Uint8Array() } })).toBeNull()
  })
})
