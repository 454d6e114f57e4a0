import { sectionRoot } from '@samskriv/schema'
import * as Y from 'yjs'

/** A section's plain text and, per UTF-16 unit, the Yjs client id that wrote it (-1 for separators). */
export interface AttributedText {
  text: string
  clients: number[]
}

function append(target: AttributedText, part: AttributedText): void {
  target.text += part.text
  for (const client of part.clients) target.clients.push(client)
}

function inlineText(text: Y.XmlText): AttributedText {
  const result: AttributedText = { text: '', clients: [] }
  // Walk the items, not toDelta(), to keep each character's creator. Same characters as
  // the string inserts of toDelta(): live, countable string content in order.
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable || !(item.content instanceof Y.ContentString)) continue
    const str = item.content.str
    result.text += str
    for (let i = 0; i < str.length; i++) result.clients.push(item.id.client)
  }
  return result
}

/** Mirrors schema's `sectionPlainText`: inline text runs and child blocks joined by newlines. */
function blockText(node: Y.XmlFragment | Y.XmlElement): AttributedText {
  const blocks: AttributedText[] = []
  let inline: AttributedText = { text: '', clients: [] }
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      append(inline, inlineText(child))
    } else if (child instanceof Y.XmlElement) {
      if (inline.text) blocks.push(inline)
      inline = { text: '', clients: [] }
      blocks.push(blockText(child))
    }
  }
  if (inline.text) blocks.push(inline)
  const result: AttributedText = { text: '', clients: [] }
  blocks.forEach((block, index) => {
    if (index > 0) append(result, { text: '\n', clients: [-1] })
    append(result, block)
  })
  return result
}

/** A section's plain text (exactly `sectionPlainText`) with the client id of every character. */
export function attributedSectionText(doc: Y.Doc, sectionId: string): AttributedText {
  return blockText(doc.getXmlFragment(sectionRoot(sectionId)))
}
