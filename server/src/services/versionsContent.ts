import { fieldsView, readFieldValues, readSections, sectionRoot, type VersionBlock, type VersionRun, type VersionSection } from '@samskriv/schema'
import * as Y from 'yjs'

const isSet = (attributes: Record<string, unknown> | undefined, name: string) => {
  const value = attributes?.[name]
  return value !== undefined && value !== null && value !== false
}

function runsOf(element: Y.XmlElement): VersionRun[] {
  const runs: VersionRun[] = []
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
        if (typeof op.insert !== 'string' || op.insert === '') continue
        const run: VersionRun = { text: op.insert }
        if (isSet(op.attributes, 'bold')) run.bold = true
        if (isSet(op.attributes, 'italic')) run.italic = true
        if (isSet(op.attributes, 'strike')) run.strike = true
        runs.push(run)
      }
    } else if (child instanceof Y.XmlElement) {
      runs.push(...(child.nodeName === 'hardBreak' ? [{ text: '\n' }] : runsOf(child)))
    }
  }
  return runs
}

function collectBlocks(node: Y.XmlFragment | Y.XmlElement, list: { ordered: boolean; depth: number } | undefined, out: VersionBlock[]): void {
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    const name = child.nodeName
    if (name === 'bulletList' || name === 'orderedList') {
      collectBlocks(child, { ordered: name === 'orderedList', depth: list ? list.depth + 1 : 0 }, out)
    } else if (name === 'listItem' || name === 'blockquote') {
      collectBlocks(child, list, out)
    } else if (name === 'heading') {
      out.push({ type: 'heading', level: Number(child.getAttribute('level') ?? 2) || 2, runs: runsOf(child) })
    } else if (name === 'codeBlock') {
      out.push({ type: 'code', runs: runsOf(child) })
    } else if (list && name === 'paragraph') {
      out.push({ type: 'listItem', level: list.depth, ordered: list.ordered, runs: runsOf(child) })
    } else {
      out.push({ type: 'paragraph', runs: runsOf(child) })
    }
  }
}

/**
 * The sections of a document state in outline order, as blocks of marked text (never HTML), with
 * their structured values as the exports show them (`fieldsView`), so a version's budget reads as
 * the budget it holds and not as an empty section.
 */
export function readVersionContent(doc: Y.Doc): VersionSection[] {
  return readSections(doc).map((section) => {
    const blocks: VersionBlock[] = []
    collectBlocks(doc.getXmlFragment(sectionRoot(section.id)), undefined, blocks)
    const fields = fieldsView(section, readFieldValues(doc, section.id))
    return { id: section.id, title: section.title, status: section.status, blocks, ...(fields && fields.blocks.length > 0 ? { fields } : {}) }
  })
}
