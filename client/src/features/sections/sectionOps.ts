import * as Y from 'yjs'
import { Root, sectionEntry } from '@samskriv/schema'
import type { SectionStatus } from '@samskriv/schema'

function entryOf(doc: Y.Doc, sectionId: string): Y.Map<unknown> | undefined {
  const entry = doc.getMap<Y.Map<unknown>>(Root.sections).get(sectionId)
  return entry instanceof Y.Map ? entry : undefined
}

function shortId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 8)
}

/** Adds an optional section at the end of the outline; returns its id. */
export function addSection(doc: Y.Doc, title: string): string {
  const id = shortId()
  doc.transact(() => {
    doc.getMap<Y.Map<unknown>>(Root.sections).set(id, sectionEntry({ key: `eget-${shortId()}`, title, guidance: '', charLimit: null, required: false }))
    doc.getArray<string>(Root.outline).push([id])
  })
  return id
}

/** Removes a section from the outline and the `sections` root. */
export function removeSection(doc: Y.Doc, sectionId: string): void {
  doc.transact(() => {
    const outline = doc.getArray<string>(Root.outline)
    for (let index = outline.length - 1; index >= 0; index--) if (outline.get(index) === sectionId) outline.delete(index, 1)
    doc.getMap(Root.sections).delete(sectionId)
  })
}

/** Moves a section just before (up) or after (down) a neighbouring section in the outline. */
export function moveSection(doc: Y.Doc, sectionId: string, neighbourId: string, direction: 'up' | 'down'): void {
  doc.transact(() => {
    const outline = doc.getArray<string>(Root.outline)
    const from = outline.toArray().indexOf(sectionId)
    if (from < 0) return
    outline.delete(from, 1)
    const to = outline.toArray().indexOf(neighbourId)
    outline.insert(to < 0 ? from : direction === 'up' ? to : to + 1, [sectionId])
  })
}

export function setSectionField(doc: Y.Doc, sectionId: string, field: 'title', value: string): void
export function setSectionField(doc: Y.Doc, sectionId: string, field: 'status', value: SectionStatus): void
export function setSectionField(doc: Y.Doc, sectionId: string, field: 'owner', value: string | null): void
export function setSectionField(doc: Y.Doc, sectionId: string, field: 'title' | 'status' | 'owner', value: string | null): void {
  const entry = entryOf(doc, sectionId)
  if (entry && entry.get(field) !== value) entry.set(field, value)
}
