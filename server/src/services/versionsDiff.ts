import { readSections, sectionPlainText } from '@samskriv/schema'
import { diffWords } from 'diff'
import type * as Y from 'yjs'

export interface DiffOp {
  type: 'equal' | 'insert' | 'delete'
  text: string
}

export interface SectionDiff {
  id: string
  /** The section's title in the newer state (the older one's when the section was removed). */
  title: string
  /** `added`/`removed`: the section exists only in the newer/older state. */
  change: 'unchanged' | 'changed' | 'added' | 'removed'
  /** Set when the title itself changed. */
  previousTitle?: string
  ops: DiffOp[]
}

/** A word-level diff of two texts as equal/insert/delete runs (jsdiff's `diffWords`). */
export function diffText(older: string, newer: string): DiffOp[] {
  if (older === newer) return older ? [{ type: 'equal', text: older }] : []
  return diffWords(older, newer).map((change) => ({
    type: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value,
  }))
}

/**
 * Per section, what changed from `older` to `newer`: sections in the newer outline order,
 * then sections only the older state has.
 */
export function diffSections(older: Y.Doc, newer: Y.Doc): SectionDiff[] {
  const before = new Map(readSections(older).map((section) => [section.id, section]))
  const result: SectionDiff[] = []
  for (const section of readSections(newer)) {
    const old = before.get(section.id)
    before.delete(section.id)
    const ops = diffText(old ? sectionPlainText(older, section.id) : '', sectionPlainText(newer, section.id))
    const textChanged = ops.some((op) => op.type !== 'equal')
    const titleChanged = old !== undefined && old.title !== section.title
    result.push({
      id: section.id,
      title: section.title,
      change: !old ? 'added' : textChanged || titleChanged ? 'changed' : 'unchanged',
      ...(titleChanged ? { previousTitle: old.title } : {}),
      ops,
    })
  }
  for (const old of before.values()) {
    const text = sectionPlainText(older, old.id)
    result.push({ id: old.id, title: old.title, change: 'removed', ops: text ? [{ type: 'delete', text }] : [] })
  }
  return result
}
