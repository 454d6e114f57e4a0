import type { Room } from '@samskriv/collab'
import type { LastRestore, Role } from '@samskriv/schema'
import { readSections, Root, sectionRoot } from '@samskriv/schema'
import type { VersionRecord, VersionStore } from '@samskriv/storage'
import * as Y from 'yjs'
import { ApiError } from '../http/ApiError.ts'
import { sectionFieldsJson } from './sectionFieldsJson.ts'
import { recordVersionUnlessLatest } from './versions.ts'

/** Whether a section's text, title or structured values differ between the two states. */
export function sectionDiffers(current: Y.Doc, version: Y.Doc, sectionId: string): boolean {
  const title = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(Root.sections).get(sectionId)?.get('title')
  // toString keeps element names, attributes and marks, so a formatting-only change counts too.
  return (
    current.getXmlFragment(sectionRoot(sectionId)).toString() !== version.getXmlFragment(sectionRoot(sectionId)).toString() ||
    title(current) !== title(version) ||
    sectionFieldsJson(current, sectionId) !== sectionFieldsJson(version, sectionId)
  )
}

/**
 * Makes a section of `target` read as it does in `version`: its text (elements, text and marks
 * copied), its title and its structured values in `fields`. Call it inside a transaction on the live document, so the restore is a
 * new change every client receives; the section's status, lock and owner are left as they are
 * (a restore is not a review decision).
 */
export function restoreSection(target: Y.Doc, version: Y.Doc, sectionId: string): void {
  const fragment = target.getXmlFragment(sectionRoot(sectionId))
  const source = version.getXmlFragment(sectionRoot(sectionId))
  if (fragment.length > 0) fragment.delete(0, fragment.length)
  const copies = source.toArray().map((node) => node.clone())
  if (copies.length > 0) fragment.insert(0, copies as Array<Y.XmlElement | Y.XmlText>)
  const entry = target.getMap<Y.Map<unknown>>(Root.sections).get(sectionId)
  const title = version.getMap<Y.Map<unknown>>(Root.sections).get(sectionId)?.get('title')
  if (entry instanceof Y.Map && typeof title === 'string' && entry.get('title') !== title) entry.set('title', title)
  if (sectionFieldsJson(target, sectionId) !== sectionFieldsJson(version, sectionId)) {
    const fields = target.getMap<unknown>(Root.fields)
    const value = version.getMap<unknown>(Root.fields).get(sectionId)
    if (value === undefined) fields.delete(sectionId)
    else fields.set(sectionId, value instanceof Y.AbstractType ? value.clone() : value)
  }
}

/**
 * The sections of `current` to restore from `version`: the one asked for or all they share, and of
 * those only the ones that differ. Throws (before anything is written) when the section is missing,
 * or locked and the member is not a coordinator.
 */
export function sectionsToRestore(current: Y.Doc, version: Y.Doc, sectionId: string | undefined, role: Role): string[] {
  const present = new Set(readSections(current).map((section) => section.id))
  const inVersion = readSections(version).map((section) => section.id)
  if (sectionId !== undefined) {
    if (!inVersion.includes(sectionId)) throw ApiError.notFound('Avsnittet finns inte i versionen.')
    if (!present.has(sectionId)) throw ApiError.conflict('Avsnittet finns inte längre i dokumentet.', 'section_removed')
  }
  const candidates = sectionId !== undefined ? [sectionId] : inVersion.filter((id) => present.has(id))
  const changed = candidates.filter((id) => sectionDiffers(current, version, id))
  const locks = current.getMap(Root.locks)
  const locked = changed.filter((id) => locks.has(id))
  if (locked.length > 0 && role !== 'coordinator') {
    const title = readSections(current).find((section) => section.id === locked[0])?.title ?? ''
    throw ApiError.forbidden(`Avsnittet "${title}" är låst. Bara en samordnare kan återställa ett låst avsnitt.`)
  }
  return changed
}

/**
 * Restores sections of the live document from `version` as one server change. The checks, the
 * restore point (the state just before) and the restore run in one turn of the room's queue: a
 * lock or an edit arriving meanwhile waits, so it can neither slip in under the checks nor miss
 * the restore point. The restore point is stored first, so a restore that happened can always be
 * undone; if it cannot be stored, nothing is restored. When the newest version already holds the
 * state just before, that version is the restore point and no copy is stored.
 */
export async function restoreVersion(
  room: Room,
  versions: VersionStore,
  version: Y.Doc,
  request: { sectionId?: string; role: Role; userId: string; userName: string },
): Promise<{ restored: string[]; restorePoint: VersionRecord | null }> {
  let restored: string[] = []
  let restorePoint: VersionRecord | null = null
  await room.change(
    (doc) => {
      for (const id of restored) restoreSection(doc, version, id)
      // Everyone with the document open is told who restored what (their text changed under them).
      if (restored.length > 0) {
        const notice: LastRestore = { by: request.userId, name: request.userName, at: new Date().toISOString(), sections: restored }
        doc.getMap(Root.meta).set('lastRestore', notice)
      }
    },
    {
      prepare: async (doc) => {
        restored = sectionsToRestore(doc, version, request.sectionId, request.role)
        if (restored.length === 0) return
        // A restore point identical to the newest version (a restore right after a review, a lock
        // or another restore point of the same state) is that version: it restores the same.
        restorePoint = (await recordVersionUnlessLatest(versions, room.documentId, doc, { kind: 'restore-point', createdBy: request.userId })).record
      },
    },
  )
  return { restored, restorePoint: restorePoint as VersionRecord | null }
}
