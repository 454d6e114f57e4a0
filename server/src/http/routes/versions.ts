import { Hono } from 'hono'
import { z } from 'zod'

import type { Room } from '@samskriv/collab'
import { displayText } from '@samskriv/schema'
import type { VersionRecord } from '@samskriv/storage'
import type { Context } from 'hono'
import * as Y from 'yjs'
import type { AppEnv, Deps } from '../../deps.ts'
import { requireDocumentMember } from '../../services/access.ts'
import { audit } from '../../services/audit.ts'
import { docOfSnapshot, recordVersion } from '../../services/versions.ts'
import { readVersionContent } from '../../services/versionsContent.ts'
import { diffSections } from '../../services/versionsDiff.ts'
import { restoreVersion } from '../../services/versionsRestore.ts'
import { ApiError } from '../ApiError.ts'
import { currentUser } from '../middleware/session.ts'
import { readBody } from '../validate.ts'

const namedVersionBody = z.object({ name: displayText(120) })
const restoreBody = z.object({ sectionId: z.string().min(1).max(100).optional() })

const CURRENT = 'current'

/** Page size of the version list: `?limit` defaults to this, and never goes above the maximum. */
const DEFAULT_PAGE = 100
const MAX_PAGE = 500

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
  before: z.iso.datetime().optional(),
})

/** `?limit` and `?before` of the version list; anything else is a 400. */
function readPage(c: Context) {
  const parsed = listQuery.safeParse({ limit: c.req.query('limit'), before: c.req.query('before') })
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'query'
    throw ApiError.badRequest(`Ogiltig parameter "${field}": ange limit 1–${MAX_PAGE} och before som en tidpunkt (ISO 8601).`, 'invalid_query')
  }
  return parsed.data
}

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
    const page = readPage(c)
    const list = await versions.listVersions(document.id, page)
    // A full page may have more behind it: the next page is `?before=<nextBefore>`.
    const nextBefore = list.length === page.limit ? (list.at(-1)?.createdAt ?? null) : null
    return c.json({ versions: list.map(present), nextBefore })
  })

  app.post('/:id/versions', async (c) => {
    const user = currentUser(c)
    const { document, member } = await requireDocumentMember(store, c.req.param('id'), user.id)
    if (member.role !== 'coordinator') throw ApiError.forbidden('Bara en samordnare kan spara en namngiven version.')
    const body = await readBody(c, namedVersionBody)
    // Only what is stored (Room.read): never a batch whose append is still under way.
    const state = await withRoom(document.id, (room) => room.read((doc) => Y.encodeStateAsUpdate(doc)))
    const version = await recordVersion(versions, document.id, state, { kind: 'named', name: body.name, createdBy: user.id })
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
    let other: { summary: ReturnType<typeof present> | { id: typeof CURRENT; createdAt: string }; doc: Y.Doc }
    if (againstId === CURRENT) {
      const doc = await withRoom(document.id, (room) => room.read((current) => docOfSnapshot(Y.encodeStateAsUpdate(current))))
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
      const between = await versions.listVersions(document.id, { after: older.createdAt, limit: MAX_PAGE })
      const editors = [
        ...new Set([
          ...sections.flatMap((section) => section.authors ?? []),
          ...between.filter((v) => (newer.id === CURRENT || v.createdAt <= newer.createdAt) && v.createdByName).map((v) => v.createdByName as string),
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
    let result: Awaited<ReturnType<typeof restoreVersion>>
    try {
      result = await withRoom(document.id, (room) => restoreVersion(room, versions, versionDoc, { sectionId: body.sectionId, role: member.role, userId: user.id, userName: user.name }))
    } finally {
      versionDoc.destroy()
    }
    const { restored, restorePoint: point } = result
    await audit(store, {
      workspaceId: document.workspaceId,
      documentId: document.id,
      actorId: user.id,
      action: 'version.restore',
      details: { versionId: version.id, sectionIds: restored, restorePointId: point?.id ?? null },
    })
    // The restore point may be an earlier version that held the same state (someone else's).
    return c.json({ restored, restorePoint: point ? present(point.createdBy === user.id ? { ...point, createdByName: user.name } : point) : null })
  })

  return app
}
