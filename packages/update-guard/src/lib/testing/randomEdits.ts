import fc from 'fast-check'
import * as Y from 'yjs'
import { MAP_ROOTS, SECTION_IDS, paragraph, type MapRoot } from './sampleDoc.ts'

type SectionId = (typeof SECTION_IDS)[number]

/** One user action on a replica. Indices are taken modulo what exists when the edit is applied. */
export type Edit =
  | { kind: 'text-insert'; section: SectionId; paragraph: number; index: number; text: string }
  | { kind: 'text-delete'; section: SectionId; paragraph: number; index: number; length: number }
  | {
      kind: 'text-format'
      section: SectionId
      paragraph: number
      index: number
      length: number
      mark: string
      on: boolean
    }
  | { kind: 'paragraph-insert'; section: SectionId; index: number; text: string }
  | { kind: 'paragraph-delete'; section: SectionId; index: number }
  | { kind: 'paragraph-attribute'; section: SectionId; index: number; value: string }
  | { kind: 'map-set'; root: MapRoot; key: string; value: string; nested: boolean }
  | { kind: 'map-nested-set'; root: MapRoot; key: string; sub: string; value: string }
  | { kind: 'map-delete'; root: MapRoot; key: string }
  | { kind: 'comment-text'; key: string; index: number; text: string }

const section = fc.constantFrom(...SECTION_IDS)
const mapRoot = fc.constantFrom(...MAP_ROOTS)
const mapKey = fc.constantFrom('a', 'b', 'c1', 'k1')
const small = fc.nat({ max: 40 })
const words = fc.constantFrom('å', 'ö', 'hej ', 'Sverige', 'x', 'lång mening ')

export const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('text-insert'),
    section,
    paragraph: small,
    index: small,
    text: words,
  }),
  fc.record({
    kind: fc.constant('text-delete'),
    section,
    paragraph: small,
    index: small,
    length: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('text-format'),
    section,
    paragraph: small,
    index: small,
    length: fc.integer({ min: 1, max: 8 }),
    mark: fc.constantFrom('bold', 'italic'),
    on: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('paragraph-insert'), section, index: small, text: words }),
  fc.record({ kind: fc.constant('paragraph-delete'), section, index: small }),
  fc.record({
    kind: fc.constant('paragraph-attribute'),
    section,
    index: small,
    value: fc.constantFrom('left', 'center'),
  }),
  fc.record({
    kind: fc.constant('map-set'),
    root: mapRoot,
    key: mapKey,
    value: words,
    nested: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('map-nested-set'),
    root: mapRoot,
    key: mapKey,
    sub: fc.constantFrom('title', 'x'),
    value: words,
  }),
  fc.record({ kind: fc.constant('map-delete'), root: mapRoot, key: mapKey }),
  fc.record({ kind: fc.constant('comment-text'), key: mapKey, index: small, text: words }),
)

/** A client's session: a few transactions of a few edits each. */
export const sessionArbitrary = fc.array(fc.array(editArbitrary, { minLength: 1, maxLength: 4 }), {
  minLength: 0,
  maxLength: 3,
})

function paragraphAt(doc: Y.Doc, id: SectionId, index: number): Y.XmlElement | undefined {
  const fragment = doc.getXmlFragment(`section:${id}`)
  if (fragment.length === 0) return undefined
  const node = fragment.get(index % fragment.length)
  return node instanceof Y.XmlElement ? node : undefined
}

function textAt(doc: Y.Doc, id: SectionId, index: number): Y.XmlText | undefined {
  const node = paragraphAt(doc, id, index)?.get(0)
  return node instanceof Y.XmlText ? node : undefined
}

export function applyEdit(doc: Y.Doc, edit: Edit): void {
  switch (edit.kind) {
    case 'text-insert': {
      const text = textAt(doc, edit.section, edit.paragraph)
      text?.insert(edit.index % (text.length + 1), edit.text)
      return
    }
    case 'text-delete': {
      const text = textAt(doc, edit.section, edit.paragraph)
      if (text === undefined || text.length === 0) return
      const index = edit.index % text.length
      text.delete(index, Math.min(edit.length, text.length - index))
      return
    }
    case 'text-format': {
      const text = textAt(doc, edit.section, edit.paragraph)
      if (text === undefined || text.length === 0) return
      const index = edit.index % text.length
      text.format(index, Math.min(edit.length, text.length - index), {
        [edit.mark]: edit.on ? true : null,
      })
      return
    }
    case 'paragraph-insert': {
      const fragment = doc.getXmlFragment(`section:${edit.section}`)
      fragment.insert(edit.index % (fragment.length + 1), [paragraph(edit.text)])
      return
    }
    case 'paragraph-delete': {
      const fragment = doc.getXmlFragment(`section:${edit.section}`)
      if (fragment.length > 0) fragment.delete(edit.index % fragment.length, 1)
      return
    }
    case 'paragraph-attribute':
      paragraphAt(doc, edit.section, edit.index)?.setAttribute('align', edit.value)
      return
    case 'map-set':
      doc.getMap(edit.root).set(edit.key, edit.nested ? new Y.Map([['x', edit.value]]) : edit.value)
      return
    case 'map-nested-set': {
      const nested = doc.getMap(edit.root).get(edit.key)
      if (nested instanceof Y.Map) nested.set(edit.sub, edit.value)
      return
    }
    case 'map-delete':
      doc.getMap(edit.root).delete(edit.key)
      return
    case 'comment-text': {
      const comment = doc.getMap('comments').get(edit.key)
      const body = comment instanceof Y.Map ? comment.get('body') : undefined
      if (body instanceof Y.Text) body.insert(edit.index % (body.length + 1), edit.text)
      return
    }
  }
}

export function applySession(doc: Y.Doc, session: readonly (readonly Edit[])[]): void {
  for (const transaction of session)
    doc.transact(() => transaction.forEach((edit) => applyEdit(doc, edit)))
}
