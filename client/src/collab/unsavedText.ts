import type * as Y from 'yjs'
import { Root, sectionIdOfRoot, sectionPlainText } from '@samskriv/schema'

/** Text of one section as it was in the local copy when the server refused it. */
export interface UnsavedSection {
  sectionId: string
  title: string
  text: string
}

const key = (documentId: string) => `samskriv-unsaved-${documentId}`

/** The sections' plain text in the local copy (before it is dropped), kept across the reload in sessionStorage. */
export function saveUnsavedText(documentId: string, doc: Y.Doc): void {
  const sectionsMap = doc.getMap(Root.sections)
  const captured: UnsavedSection[] = []
  for (const root of doc.share.keys()) {
    const sectionId = sectionIdOfRoot(root)
    if (!sectionId) continue
    const text = sectionPlainText(doc, sectionId)
    if (!text.trim()) continue
    const entry = sectionsMap.get(sectionId) as { get?: (k: string) => unknown } | undefined
    const title = typeof entry?.get === 'function' ? String(entry.get('title') ?? '') : ''
    captured.push({ sectionId, title, text })
  }
  // Keep anything an earlier refusal captured that has not been shown yet.
  const merged = new Map(loadUnsavedText(documentId).map((s) => [s.sectionId, s]))
  for (const section of captured) merged.set(section.sectionId, section)
  try {
    sessionStorage.setItem(key(documentId), JSON.stringify([...merged.values()]))
  } catch {
    // Storage full or unavailable: nothing more we can do.
  }
}

export function loadUnsavedText(documentId: string): UnsavedSection[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(key(documentId)) ?? '[]')
    return Array.isArray(parsed) ? (parsed as UnsavedSection[]).filter((s) => typeof s?.sectionId === 'string' && typeof s.text === 'string') : []
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
