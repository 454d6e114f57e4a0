import * as Y from 'yjs'
import type { TestUser } from './api.ts'

/** The Y.XmlText of the section's first paragraph that contains `marker`. */
export function paragraphText(doc: Y.Doc, sectionId: string, marker: string): Y.XmlText {
  const fragment = doc.getXmlFragment(`section:${sectionId}`)
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    const text = child.get(0)
    if (text instanceof Y.XmlText && text.toString().includes(marker)) return text
  }
  throw new Error(`no paragraph with ${marker}`)
}

export type Mention = { userId: string; name: string }

/**
 * Writes a thread in the shape of client/src/features/comments/model (kept independent of the
 * client). Without `text` the anchor points nowhere (a detached thread), enough for mention tests.
 */
export function addThread(
  doc: Y.Doc,
  threadId: string,
  sectionId: string,
  text: Y.XmlText | null,
  quote: string,
  author: TestUser,
  body: string,
  mentions?: Mention[],
) {
  const from = text ? text.toString().indexOf(quote) : 0
  const position = (index: number) => (text ? Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index)) : new Uint8Array([0]))
  doc.transact(() => {
    const thread = new Y.Map<unknown>()
    const messages = new Y.Array<Y.Map<unknown>>()
    const message = new Y.Map<unknown>()
    message.set('id', `${threadId}-1`)
    message.set('authorId', author.id)
    message.set('authorName', author.name)
    message.set('body', body)
    message.set('at', Date.now())
    if (mentions) message.set('mentions', mentions)
    messages.push([message])
    thread.set('sectionId', sectionId)
    thread.set('anchor', { start: position(from), end: position(from + quote.length) })
    thread.set('quote', quote)
    thread.set('resolved', false)
    thread.set('createdBy', author.id)
    thread.set('createdAt', Date.now())
    thread.set('messages', messages)
    doc.getMap('comments').set(threadId, thread)
  })
}
