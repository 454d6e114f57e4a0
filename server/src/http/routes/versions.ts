import { Hono } from 'hono'
import { z } from 'zod'

import type { Room } from '@samskriv/collab'
import { readSections, Root } from '@samskriv/schema'
import type { VersionRecord } from '@samskriv/storage'
import * as Y from 'yjs'
import type { AppEnv, Deps } from '../../deps.ts'
import { requireDocumentMember } from '../../services/access.ts'
import { audit } from '../../services/audit.ts'
import { docOfSnapshot, recordVersion } from '../../services/versions.ts'
import { readVersionContent } from '../../services/versionsContent.ts'
import { diffSections } from '../../services/versionsDiff.ts'
import { restoreSection, sectionDiffers } from '../../services/versionsRestore.ts'
import { ApiError } from '../ApiError.ts'
import { currentUser } from '../middleware/session.ts'
import { readBody } from '../validate.ts'

const namedVersionBody = z.object({ name: z.string().trim().min(1).max(120) })
const restoreBody = z.object({ sectionId: z.string().min(1).max(100).optional() })

const CURRENT = 'current'

/** A version as the API lists it: who and when, never the snapshot. */
function present(version: VersionRecord) {
  const { id, kind, name, createdBy, createdByName, createdAt } = version
  return { id, kind, name, createdBy, createdByName: createdByName ?? null, createdAt }
}

/**
 * `/api/documents/:id/versions`: list, save named versions, read one, diff two, restore.
 * Any member reads; a coordinator names versions; editors and coordinators restore (a locked
 * section only a coordinator). Restores are new changes through the room, never a rewrite.
 */
export function versionRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  const { store, versions } = deps

  async function withRoom<T>(documentId: string, fn: (room: Room) => Promise<T>): Promise<T> {
    const room = await deps.rooms.open(documentId)
    try {
      return await fn(room)
    } finally {
      deps.rooms.release(room)
    }
  }

  async function requireVersion(documentId: string, versionId: string) {
    const version = await versions.findVersion(documentId, versionId)
    if (!version) throw ApiError.notFound('Versionen finns inte.')
    return version
  }

  app.get('/:id/versions', async (c) => {
    const { document } = await requireDocumentMember(store, c.req.param('id'), currentUser(c).id)
    return c.json({ versions: (await versions.listVersions(document.id)).map(present) })
  })

  app.post('/:id/versions', async (c) => {
    const user = currentUser(c)
    const { document, member } = await requireDocumentMember(store, c.req.param('id'), user.id)
    if (member.role !== 'coordinator') throw ApiError.forbidden('Bara en samordnare kan spara en namngiven version.')
    const body = await readBody(c, namedVersionBody)
    const version = await withRoom(document.id, async (room) => {
      await room.idle()
      return recordVersion(versions, document.id, room.doc, { kind: 'named', name: body.name, createdBy: user.id })
    })
    await audit(store, { workspaceId: document.workspaceId, documentId: document.id, actorId: user.id, action: 'version.create', details: { versionId: version.id, name: body.name } })
    return c.json(present({ ...version, createdByName: user.name }), 201)
  })

  app.get('/:id/versions/:versionId', async (c) => {
    const { document } = await requireDocumentMember(store, c.req.param('id'), currentUser(c).id)
    const version = await requireVersion(document.id, c.req.param('versionId'))
    const doc = docOfSnapshot(version.snapshot)
    try {
      return c.json({ ...present(version), sections: readVersionContent(doc) })
    } finally {
      doc.destroy()
    }
  })

  app.get('/:id/versions/:versionId/diff', async (c) => {
    const { document } = await requireDocumentMember(store, c.req.param('id'), currentUser(c).id)
    const base = await requireVersion(document.id, c.req.param('versionId'))
    const againstId = c.req.query('against') ?? CURRENT
    const all = await versions.listVersions(document.id)
    let other: { summary: ReturnType<typeof present> | { id: typeof CURRENT; createdAt: string }; doc: Y.Doc }
    if (againstId === CURRENT) {
      const doc = await withRoom(document.id, async (room) => docOfSnapshot(Y.encodeStateAsUpdate(room.doc)))
      other = { summary: { id: CURRENT, createdAt: new Date().toISOString() }, doc }
    } else {
      const version = await requireVersion(document.id, againstId)
      other = { summary: present(version), doc: docOfSnapshot(version.snapshot) }
    }
    const baseDoc = docOfSnapshot(base.snapshot)
    try {
      // The older state is the base, so insertions are what was added over time.
      const baseIsOlder = againstId === CURRENT || base.createdAt <= other.summary.createdAt
      const [older, newer] = baseIsOlder ? [present(base), other.summary] : [other.summary, present(base)]
      const authorOf = (clientId: number) => deps.clientAuthors.authorOf(document.id, clientId)?.name
      const sections = baseIsOlder ? diffSections(baseDoc, other.doc, authorOf) : diffSections(other.doc, baseDoc, authorOf)
      // Who worked in between, as far as it is known: the writers of inserted text, and the
      // creators of versions recorded between the two (periodic versions name the last writer).
      const editors = [
        ...new Set([
          ...sections.flatMap((section) => section.authors ?? []),
          ...all
            .filter((v) => v.createdAt > older.createdAt && (newer.id === CURRENT || v.createdAt <= newer.createdAt) && v.createdByName)
            .map((v) => v.createdByName as string),
        ]),
      ]
      return c.json({ from: older, to: newer, editors, sections })
    } finally {
      baseDoc.destroy()
      other.doc.destroy()
    }
  })

  app.post('/:id/versions/:versionId/restore', async (c) => {
    const user = currentUser(c)
    const { document, member } = await requireDocumentMember(store, c.req.param('id'), user.id)
    if (member.role !== 'coordinator' && member.role !== 'editor') {
      throw ApiError.forbidden('Bara skribenter och samordnare kan återställa en version.')
    }
    const body = await readBody(c, restoreBody)
    const version = await requireVersion(document.id, c.req.param('versionId'))
    const versionDoc = docOfSnapshot(version.snapshot)
    try {
      const result = await withRoom(document.id, async (room) => {
        const current = new Set(readSections(room.doc).map((section) => section.id))
        const inVersion = readSections(versionDoc).map((section) => section.id)
        if (body.sectionId !== undefined) {
          if (!inVersion.includes(body.sectionId)) throw ApiError.notFound('Avsnittet finns inte i versionen.')
          if (!current.has(body.sectionId)) throw ApiError.conflict('Avsnittet finns inte längre i dokumentet.', 'section_removed')
        }
        const candidates = body.sectionId !== undefined ? [body.sectionId] : inVersion.filter((id) => current.has(id))
        const changed = candidates.filter((id) => sectionDiffers(room.doc, versionDoc, id))
        const locks = room.doc.getMap(Root.locks)
        const locked = changed.filter((id) => locks.has(id))
        if (locked.length > 0 && member.role !== 'coordinator') {
          const title = readSections(room.doc).find((section) => section.id === locked[0])?.title ?? ''
          throw ApiError.forbidden(`Avsnittet "${title}" är låst. Bara en samordnare kan återställa ett låst avsnitt.`)
        }
        if (changed.length === 0) return { restored: [], restorePoint: null }
        // The state just before, taken in the same transaction as the restore, so the restore can be undone exactly.
        let before: Uint8Array = new Uint8Array()
        await room.change((doc) => {
          before = Y.encodeStateAsUpdate(doc)
          for (const id of changed) restoreSection(doc, versionDoc, id)
        })
        const restorePoint = await recordVersion(versions, document.id, before, { kind: 'restore-point', createdBy: user.id })
        return { restored: changed, restorePoint: present({ ...restorePoint, createdByName: user.name }) }
      })
      await audit(store, {
        workspaceId: document.workspaceId,
        documentId: document.id,
        actorId: user.id,
        action: 'version.restore',
        details: { versionId: version.id, sectionIds: result.restored, restorePointId: result.restorePoint?.id ?? null },
      })
      return c.json(result)
    } finally {
      versionDoc.destroy()
    }
  })

  return app
}
