import { Hono } from 'hono'

import { reportToMarkdown, runChecks } from '@samskriv/checks'
import { lockBody, Root } from '@samskriv/schema'
import * as Y from 'yjs'
import type { AppEnv, Deps } from '../../deps.ts'
import { requireDocumentMember } from '../../services/access.ts'
import { audit } from '../../services/audit.ts'
import { memberNames, readCheckDocument } from '../../services/readCheckDocument.ts'
import { recordVersion, sectionTitle } from '../../services/versions.ts'
import { ApiError } from '../ApiError.ts'
import { currentUser } from '../middleware/session.ts'
import { readBody } from '../validate.ts'

/** Entries the audit log shows at most. */
const AUDIT_ENTRIES = 500

export function documentRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  const { store } = deps

  /** Runs `fn` against the document's live copy, opening it for the call if nobody has it open. */
  async function withRoom<T>(documentId: string, fn: (room: Awaited<ReturnType<typeof deps.rooms.open>>) => Promise<T>): Promise<T> {
    const room = await deps.rooms.open(documentId)
    try {
      return await fn(room)
    } finally {
      deps.rooms.release(room)
    }
  }

  app.get('/:id', async (c) => {
    const { document, member } = await requireDocumentMember(store, c.req.param('id'), currentUser(c).id)
    const { id, title, template, templateVersion, workspaceId, createdAt, updatedAt } = document
    return c.json({ id, title, template, templateVersion, workspaceId, createdAt, updatedAt, role: member.role })
  })

  app.delete('/:id', async (c) => {
    const user = currentUser(c)
    const { document } = await requireDocumentMember(store, c.req.param('id'), user.id, ['coordinator'])
    await store.updateDocument(document.id, { deletedAt: new Date().toISOString() })
    deps.live.closeDocument(document.id)
    await audit(store, { workspaceId: document.workspaceId, documentId: document.id, actorId: user.id, action: 'document.delete', details: { title: document.title } })
    return c.json({ ok: true })
  })

  app.post('/:id/sections/:sectionId/lock', async (c) => {
    const user = currentUser(c)
    const { document } = await requireDocumentMember(store, c.req.param('id'), user.id, ['coordinator'])
    const sectionId = c.req.param('sectionId')
    const body = await readBody(c, lockBody.default({}))
    const lock = { by: user.id, byName: user.name, at: new Date().toISOString(), reason: body.reason ?? '' }
    // The text as it was locked for review, read in the same transaction as the lock: nothing an
    // editor sends can land between the two, and only stored state is read (the room's queue).
    let locked: { state: Uint8Array; title: string } = { state: new Uint8Array(), title: '' }
    let live = false
    try {
      await withRoom(document.id, (room) =>
        room.change((doc) => {
          if (!doc.getMap(Root.sections).has(sectionId)) throw ApiError.notFound('Avsnittet finns inte.')
          doc.getMap(Root.locks).set(sectionId, lock)
          locked = { state: Y.encodeStateAsUpdate(doc), title: sectionTitle(doc, sectionId) }
        }),
      )
      live = true
      await recordVersion(deps.versions, document.id, locked.state, { kind: 'lock', name: locked.title, createdBy: user.id })
    } finally {
      // Once the lock is stored it is audited, even if its version could not be saved.
      if (live) await audit(store, { workspaceId: document.workspaceId, documentId: document.id, actorId: user.id, action: 'section.lock', details: { sectionId, reason: lock.reason } })
    }
    return c.json({ sectionId, lock })
  })

  app.delete('/:id/sections/:sectionId/lock', async (c) => {
    const user = currentUser(c)
    const { document } = await requireDocumentMember(store, c.req.param('id'), user.id, ['coordinator'])
    const sectionId = c.req.param('sectionId')
    await withRoom(document.id, (room) =>
      room.change((doc) => {
        if (!doc.getMap(Root.locks).has(sectionId)) throw ApiError.notFound('Avsnittet är inte låst.')
        doc.getMap(Root.locks).delete(sectionId)
      }),
    )
    await audit(store, { workspaceId: document.workspaceId, documentId: document.id, actorId: user.id, action: 'section.unlock', details: { sectionId } })
    return c.json({ sectionId, lock: null })
  })

  app.post('/:id/checks', async (c) => {
    const { document } = await requireDocumentMember(store, c.req.param('id'), currentUser(c).id)
    const names = await memberNames(store, document.workspaceId)
    const report = await withRoom(document.id, (room) =>
      room.read((doc) => runChecks(readCheckDocument(doc, document.template, document.templateVersion, names))),
    )
    if (c.req.query('format') === 'markdown') {
      // To attach to an application: a Markdown file named after the document.
      const fileName = `kontroll-${document.title}.md`.replace(/[^\p{L}\p{N}._-]+/gu, '-')
      c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      return c.body(reportToMarkdown(report, document.title), 200, { 'Content-Type': 'text/markdown; charset=utf-8' })
    }
    return c.json({ documentId: document.id, ranAt: new Date().toISOString(), ...report })
  })

  /**
   * The document's log and its workspace's (members, roles, invitations: they decide who may do
   * what in the document), newest first. An entry about a member names them (`details.userName`).
   */
  app.get('/:id/audit', async (c) => {
    const { document } = await requireDocumentMember(store, c.req.param('id'), currentUser(c).id, ['coordinator'])
    const [own, workspace] = await Promise.all([store.listAudit({ documentId: document.id }), store.listAudit({ workspaceId: document.workspaceId })])
    const entries = [...own, ...workspace.filter((entry) => entry.documentId === null)].sort((a, b) => b.id - a.id).slice(0, AUDIT_ENTRIES)
    const names = new Map<string, string | undefined>()
    for (const entry of entries) {
      const userId = entry.details.userId
      if (typeof userId !== 'string') continue
      if (!names.has(userId)) names.set(userId, (await store.findUserById(userId))?.name)
      entry.details = { ...entry.details, userName: names.get(userId) }
    }
    return c.json({ entries })
  })

  return app
}

