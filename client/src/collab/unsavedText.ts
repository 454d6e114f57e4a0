import type * as Y from 'yjs'
import { readPlan, type Activity } from '@samskriv/plan'
import { fieldsView, readFieldValues, readSections, Root, sectionIdOfRoot, sectionPlainText, type FieldsBlock } from '@samskriv/schema'

/**
 * Where a piece of unsaved text lived: a section's text (`section:<id>`), one activity of the
 * time plan (`plan`) or one section's structured values (`fields`).
 */
export type UnsavedSource = 'section' | 'plan' | 'fields'

/** Text of one section, activity or set of field values as it was in the local copy when the server refused it. */
export interface UnsavedText {
  source: UnsavedSource
  /** The section id (section, fields) or the activity id (plan). */
  id: string
  /** The section's title, or the activity's title as it was typed. */
  title: string
  text: string
}

const key = (documentId: string) => `samskriv-unsaved-${documentId}`
const itemKey = (item: Pick<UnsavedText, 'source' | 'id'>) => `${item.source}:${item.id}`

/** The text a user typed into an activity, one value a line: what they would copy back. */
function activityText(activity: Activity): string {
  const owner = activity.owner?.kind === 'external' ? activity.owner.name : ''
  return [activity.title, activity.description, activity.phase, owner]
    .map((value) => value.trim())
    .filter(Boolean)
    .join('\n')
}

/** A section's structured values as labelled lines, as the print view labels them ("Ansvarigt arbetsställe: …"). */
function blocksText(blocks: readonly FieldsBlock[]): string {
  return blocks
    .map((block) => {
      const lines =
        block.kind === 'facts'
          ? block.facts.map((fact) => `${fact.label}: ${fact.value}`)
          : block.rows.map((row) => row.map((cell, column) => `${block.headers[column] ?? ''}: ${cell}`).join('; '))
      return [block.title, ...lines].join('\n')
    })
    .join('\n\n')
}

function fieldsTexts(doc: Y.Doc): UnsavedText[] {
  return readSections(doc).map((section) => ({
    source: 'fields' as const,
    id: section.id,
    title: section.title,
    text: blocksText(fieldsView(section, readFieldValues(doc, section.id))?.blocks ?? []),
  }))
}

/**
 * Everything a user can type that the document holds, as text: each section's text, each
 * activity of the time plan and each section's field values. Empty pieces are left out.
 */
export function captureUnsavedText(doc: Y.Doc): UnsavedText[] {
  const sectionsMap = doc.getMap(Root.sections)
  const sections: UnsavedText[] = []
  for (const root of doc.share.keys()) {
    const sectionId = sectionIdOfRoot(root)
    if (!sectionId) continue
    const entry = sectionsMap.get(sectionId) as { get?: (k: string) => unknown } | undefined
    const title = typeof entry?.get === 'function' ? String(entry.get('title') ?? '') : ''
    sections.push({ source: 'section', id: sectionId, title, text: sectionPlainText(doc, sectionId) })
  }
  const plan = readPlan(doc).map((activity) => ({ source: 'plan' as const, id: activity.id, title: activity.title, text: activityText(activity) }))
  return [...sections, ...plan, ...fieldsTexts(doc)].filter((item) => item.text.trim() !== '')
}

/** The text `doc` now holds where `item` was captured: '' when the section or activity is gone. */
function currentText(doc: Y.Doc, item: UnsavedText): string {
  if (item.source === 'section') return sectionPlainText(doc, item.id)
  if (item.source === 'plan') {
    const activity = readPlan(doc).find((candidate) => candidate.id === item.id)
    return activity ? activityText(activity) : ''
  }
  return fieldsTexts(doc).find((candidate) => candidate.id === item.id)?.text ?? ''
}

/** What of `saved` the document (the server's state after the reload) does not already hold. */
export function unsavedTextNotIn(doc: Y.Doc, saved: readonly UnsavedText[]): UnsavedText[] {
  return saved.filter((item) => currentText(doc, item).trim() !== item.text.trim())
}

/** The local copy's text (before it is dropped), kept across the reload in sessionStorage. */
export function saveUnsavedText(documentId: string, doc: Y.Doc): void {
  // Keep anything an earlier refusal captured that has not been shown yet.
  const merged = new Map(loadUnsavedText(documentId).map((item) => [itemKey(item), item]))
  for (const item of captureUnsavedText(doc)) merged.set(itemKey(item), item)
  try {
    sessionStorage.setItem(key(documentId), JSON.stringify([...merged.values()]))
  } catch {
    // Storage full or unavailable: nothing more we can do.
  }
}

const SOURCES: readonly string[] = ['section', 'plan', 'fields'] satisfies UnsavedSource[]

function isUnsavedText(value: unknown): value is UnsavedText {
  const item = value as Partial<UnsavedText> | null
  return typeof item === 'object' && item !== null && SOURCES.includes(String(item.source)) && typeof item.id === 'string'
    && typeof item.title === 'string' && typeof item.text === 'string'
}

export function loadUnsavedText(documentId: string): UnsavedText[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(key(documentId)) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter(isUnsavedText) : []
  } catch {
    return []
  }
}

export function clearUnsavedText(documentId: string): void {
  try {
    sessionStorage.removeItem(key(documentId))
  } catch {
    // ignore
  }
}
