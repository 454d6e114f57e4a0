import { readSections, sectionPlainText, type DiffOp, type SectionDiff } from '@samskriv/schema'
import { diffWords } from 'diff'
import type * as Y from 'yjs'
import { sectionFieldsJson } from './sectionFieldsJson.ts'
import { attributedSectionText } from './versionsText.ts'

/** The name of whoever wrote with a Yjs client id, when known. */
export type AuthorOf = (clientId: number) => string | undefined

/** Sets `authors` on insert ops from the clients that wrote those characters in the newer text. */
function attribute(ops: DiffOp[], clients: number[], authorOf: AuthorOf): string[] {
  // Positions only line up if the ops rebuild the newer text (they do; this guards a jsdiff change).
  if (ops.reduce((length, op) => length + (op.type === 'delete' ? 0 : op.text.length), 0) !== clients.length) return []
  const all = new Set<string>()
  let position = 0
  for (const op of ops) {
    if (op.type === 'delete') continue
    if (op.type === 'insert') {
      const names = new Set<string>()
      for (let i = position; i < position + op.text.length; i++) {
        const client = clients[i]
        const name = client === undefined || client < 0 ? undefined : authorOf(client)
        if (name) names.add(name)
      }
      if (names.size > 0) op.authors = [...names]
      for (const name of names) all.add(name)
    }
    position += op.text.length
  }
  return [...all]
}

/**
 * How much one section's word diff may cost. Any member can ask for a diff, and it runs on the
 * event loop: past this many edited words or milliseconds jsdiff gives up.
 */
export const DIFF_LIMITS = { maxEditLength: 2_000, timeout: 100 }

/**
 * A word-level diff of two texts as equal/insert/delete runs (jsdiff's `diffWords`). When the
 * texts differ too much to diff within `limits`, the whole older text is one deletion and the
 * whole newer text one insertion: still true, only coarser.
 */
export function diffText(older: string, newer: string, limits: { maxEditLength: number; timeout: number } = DIFF_LIMITS): DiffOp[] {
  if (older === newer) return older ? [{ type: 'equal', text: older }] : []
  const changes = diffWords(older, newer, limits)
  if (!changes) {
    const ops: DiffOp[] = []
    if (older) ops.push({ type: 'delete', text: older })
    if (newer) ops.push({ type: 'insert', text: newer })
    return ops
  }
  return changes.map((change) => ({
    type: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value,
  }))
}

/**
 * Per section, what changed from `older` to `newer`: sections in the newer outline order,
 * then sections only the older state has.
 */
export function diffSections(older: Y.Doc, newer: Y.Doc, authorOf?: AuthorOf): SectionDiff[] {
  const before = new Map(readSections(older).map((section) => [section.id, section]))
  const result: SectionDiff[] = []
  for (const section of readSections(newer)) {
    const old = before.get(section.id)
    before.delete(section.id)
    const current = attributedSectionText(newer, section.id)
    const ops = diffText(old ? sectionPlainText(older, section.id) : '', current.text)
    const authors = authorOf ? attribute(ops, current.clients, authorOf) : []
    const textChanged = ops.some((op) => op.type !== 'equal')
    const titleChanged = old !== undefined && old.title !== section.title
    // The word diff covers text only; a section's tables and values are compared whole.
    const fieldsChanged = old !== undefined && sectionFieldsJson(older, section.id) !== sectionFieldsJson(newer, section.id)
    result.push({
      id: section.id,
      title: section.title,
      change: !old ? 'added' : textChanged || titleChanged || fieldsChanged ? 'changed' : 'unchanged',
      ...(titleChanged ? { previousTitle: old.title } : {}),
      ...(fieldsChanged ? { fieldsChanged: true } : {}),
      ops,
      ...(authors.length > 0 ? { authors } : {}),
    })
  }
  for (const old of before.values()) {
    const text = sectionPlainText(older, old.id)
    result.push({ id: old.id, title: old.title, change: 'removed', ops: text ? [{ type: 'delete', text }] : [] })
  }
  return result
}
