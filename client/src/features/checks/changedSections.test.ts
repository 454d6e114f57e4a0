import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ALL_SECTIONS, changedSections } from './changedSections.ts'

function changesOf(doc: Y.Doc, change: (doc: Y.Doc) => void): ReturnType<typeof changedSections> {
  let found: ReturnType<typeof changedSections> = new Set()
  const listen = (transaction: Y.Transaction) => {
    found = changedSections(doc, transaction)
  }
  doc.on('afterTransaction', listen)
  doc.transact(() => change(doc))
  doc.off('afterTransaction', listen)
  return found
}

describe('changedSections', () => {
  it('names the sections whose text or values changed, all for the section list or the plan, none for comments', () => {
    const doc = new Y.Doc()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('hej')])
    doc.getXmlFragment('section:a').insert(0, [paragraph])
    doc.getMap('fields').set('b', new Y.Map<unknown>([['name', new Y.Text('x')]]))
    expect(changesOf(doc, () => ((doc.getXmlFragment('section:a').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(3, '!'))).toEqual(new Set(['a']))
    expect(changesOf(doc, () => ((doc.getMap('fields').get('b') as Y.Map<Y.Text>).get('name') as Y.Text).insert(1, 'y'))).toEqual(new Set(['b']))
    expect(changesOf(doc, () => doc.getMap('fields').set('c', 1))).toEqual(new Set(['c']))
    expect(changesOf(doc, () => doc.getMap('comments').set('t1', new Y.Map()))).toEqual(new Set())
    expect(changesOf(doc, () => doc.getMap('checks').set('J1', 'x'))).toEqual(new Set())
    expect(changesOf(doc, () => doc.getMap('sections').set('a', new Y.Map()))).toBe(ALL_SECTIONS)
    expect(changesOf(doc, () => doc.getArray('plan').push([new Y.Map()]))).toBe(ALL_SECTIONS)
  })
})

describe('updatedSectionHashes', () => {
  it('gives what a full reading gives, re-hashing only the changed sections', async () => {
    const { sectionHashes, updatedSectionHashes } = await import('./sectionHashes.ts')
    const doc = new Y.Doc()
    for (const [id, title, kind] of [['oversikt', 'Översikt', 'overview'], ['problem', 'Problem', 'text']]) {
      doc.getMap('sections').set(id!, new Y.Map<unknown>([['title', title], ['kind', kind]]))
      doc.getArray('outline').push([id])
    }
    const before = sectionHashes(doc)
    const [first, second] = [...before.keys()]
    doc.getMap('fields').set(first!, new Y.Map<unknown>([['name', 'Nytt']]))
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('ny text')])
    doc.getXmlFragment(`section:${second}`).insert(0, [paragraph])
    const partly = updatedSectionHashes(doc, before, new Set([first!, second!]))
    expect(partly).toEqual(sectionHashes(doc))
    expect(partly.get(first!)?.hash).not.toBe(before.get(first!)?.hash)
    // Only the named sections are read again.
    expect(updatedSectionHashes(doc, before, new Set([first!])).get(second!)).toEqual(before.get(second!))
  })
})
