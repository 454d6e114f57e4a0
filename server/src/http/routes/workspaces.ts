import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import * as Y from 'yjs'
import {
  documentBody,
  getTemplate,
  instantiateTemplate,
  isTemplateId,
  memberBody,
  roleBody,
  workspaceBody,
} from '@samskriv/schema'
import { LastCoordinatorError } from '@samskriv/storage'
import type { AppEnv, Deps } from '../../deps.ts'
import { requireMember } from '../../services/access.ts'
import { audit } from '../../services/audit.ts'
import { hashToken, newToken } from '../../services/tokens.ts'
import { ApiError } from '../ApiError.ts'
import { currentUser } from '../middleware/session.ts'
import { readBody } from '../validate.ts'

const INVITATION_DAYS = 14

const lastCoordinator = () => ApiError.conflict('Arbetsytan måste ha minst en samordnare.', 'last_coordinator')

export function workspaceRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  const { store } = deps

  app.post('/', async (c) => {
    const user = currentUser(c)
    const body = await readBody(c, workspaceBody)
    const workspace = {
      id: randomUUID(),
      name: body.name,
      createdBy: user.id,
      createdAt: new Date().toISOString(),
    }
    await store.createWorkspace(workspace, user.id)
    return c.json({ ...workspace, role: 'coordinator' }, 201)
  })

  app.get('/', async (c) => {
    const user = currentUser(c)
    const workspaces = await store.listWorkspacesOf(user.id)
    return c.json({ workspaces: workspaces.map(({ id, name, role }) => ({ id, name, role })) })
  })

  app.get('/:id', async (c) => {
    const user = currentUser(c)
    const member = await requireMember(store, c.req.param('id'), user.id)
    const workspace = await store.findWorkspace(member.workspaceId)
    const members = await store.listMembers(member.workspaceId)
    return c.json({
      id: workspace?.id,
      name: workspace?.name,
      role: member.role,
      members: members.map(({ userId, name, email, role }) => ({ userId, name, email, role })),
    })
  })

  app.post('/:id/members', async (c) => {
    const user = currentUser(c)
    const workspaceId = c.req.param('id')
    await requireMember(store, workspaceId, user.id, ['coordinator'])
    const body = await readBody(c, memberBody)
    const invitee = await store.findUserByEmail(body.email)
    const now = new Date().toISOString()
    if (invitee) {
      const before = await store.findMember(workspaceId, invitee.id)
      if (before?.role === 'coordinator' && body.role !== 'coordinator')
        await ensureAnotherCoordinator(workspaceId, invitee.id)
      await keepingCoordinator(() => store.upsertMember(workspaceId, invitee.id, body.role, now))
      // A link sent to this address before it had an account would otherwise outlive this choice.
      await store.revokeInvitationsTo(workspaceId, invitee.email, now)
      await audit(store, {
        workspaceId,
        actorId: user.id,
        action: before ? 'member.role' : 'member.add',
        details: before
          ? { userId: invitee.id, from: before.role, role: body.role }
          : { userId: invitee.id, role: body.role },
      })
      if (before) deps.live.refreshUser(workspaceId, invitee.id)
      return c.json(
        {
          member: { userId: invitee.id, name: invitee.name, email: invitee.email, role: body.role },
          previousRole: before?.role ?? null,
        },
        201,
      )
    }
    const token = newToken()
    const invitation = {
      id: randomUUID(),
      tokenHash: hashToken(token),
      workspaceId,
      email: body.email,
      role: body.role,
      createdBy: user.id,
      createdAt: now,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString(),
      acceptedAt: null,
      revokedAt: null,
    }
    // Revokes earlier links to the same address here: otherwise the first link (say, as a
    // coordinator) would still hold after a re-invitation with another role.
    await store.createInvitation(invitation)
    await audit(store, {
      workspaceId,
      actorId: user.id,
      action: 'member.invite',
      details: { email: body.email, role: body.role },
    })
    return c.json(
      {
        invitation: {
          id: invitation.id,
          email: body.email,
          role: body.role,
          expiresAt: invitation.expiresAt,
          url: `/invite/${token}`,
          token,
        },
      },
      201,
    )
  })

  /** Pending invitations (coordinator only), never with their token or its hash. */
  app.get('/:id/invitations', async (c) => {
    const user = currentUser(c)
    const workspaceId = c.req.param('id')
    await requireMember(store, workspaceId, user.id, ['coordinator'])
    const [invitations, members] = await Promise.all([
      store.listPendingInvitations(workspaceId, new Date().toISOString()),
      store.listMembers(workspaceId),
    ])
    const coordinators = new Map(
      members.filter((m) => m.role === 'coordinator').map((m) => [m.userId, m.name]),
    )
    return c.json({
      // One sent by someone who is no longer a coordinator no longer holds (see invitations.ts).
      invitations: invitations
        .filter((i) => coordinators.has(i.createdBy))
        .map((i) => ({
          id: i.id,
          email: i.email,
          role: i.role,
          createdAt: i.createdAt,
          expiresAt: i.expiresAt,
          invitedBy: { id: i.createdBy, name: coordinators.get(i.createdBy) },
        })),
    })
  })

  app.delete('/:id/invitations/:invitationId', async (c) => {
    const user = currentUser(c)
    const workspaceId = c.req.param('id')
    await requireMember(store, workspaceId, user.id, ['coordinator'])
    const now = new Date().toISOString()
    const pending = (await store.listPendingInvitations(workspaceId, now)).find(
      (i) => i.id === c.req.param('invitationId'),
    )
    if (!pending || !(await store.revokeInvitation(workspaceId, pending.id, now)))
      throw ApiError.notFound('Inbjudan finns inte eller gäller inte längre.')
    await audit(store, {
      workspaceId,
      actorId: user.id,
      action: 'invitation.revoke',
      details: { email: pending.email, role: pending.role },
    })
    return c.json({ ok: true })
  })

  app.patch('/:id/members/:userId', async (c) => {
    const user = currentUser(c)
    const workspaceId = c.req.param('id')
    const userId = c.req.param('userId')
    await requireMember(store, workspaceId, user.id, ['coordinator'])
    const body = await readBody(c, roleBody)
    const target = await store.findMember(workspaceId, userId)
    if (!target) throw ApiError.notFound()
    if (target.role === 'coordinator' && body.role !== 'coordinator')
      await ensureAnotherCoordinator(workspaceId, userId)
    await keepingCoordinator(() => store.upsertMember(workspaceId, userId, body.role, target.createdAt))
    await audit(store, {
      workspaceId,
      actorId: user.id,
      action: 'member.role',
      details: { userId, from: target.role, role: body.role },
    })
    if (target.role === 'coordinator' && body.role !== 'coordinator') await revokeInvitationsBy(workspaceId, user.id, userId)
    deps.live.refreshUser(workspaceId, userId)
    return c.json({ member: { userId, name: target.name, email: target.email, role: body.role } })
  })

  app.delete('/:id/members/:userId', async (c) => {
    const user = currentUser(c)
    const workspaceId = c.req.param('id')
    const userId = c.req.param('userId')
    await requireMember(store, workspaceId, user.id, ['coordinator'])
    const target = await store.findMember(workspaceId, userId)
    if (!target) throw ApiError.notFound()
    if (target.role === 'coordinator') await ensureAnotherCoordinator(workspaceId, userId)
    await keepingCoordinator(() => store.removeMember(workspaceId, userId))
    // Removed means removed: a pending link to the same address must not let them back in.
    await store.revokeInvitationsTo(workspaceId, target.email, new Date().toISOString())
    await audit(store, {
      workspaceId,
      actorId: user.id,
      action: 'member.remove',
      details: { userId, role: target.role },
    })
    if (target.role === 'coordinator') await revokeInvitationsBy(workspaceId, user.id, userId)
    deps.live.refreshUser(workspaceId, userId)
    return c.json({ ok: true })
  })

  /**
   * A coordinator who stops being one (demoted or removed) takes the invitations they sent with
   * them, for good, each audited as a withdrawal. Before, such a link was only refused while they
   * were not a coordinator (and hidden from the list, so nobody could withdraw it), and worked
   * again once they were made coordinator again.
   */
  async function revokeInvitationsBy(workspaceId: string, actorId: string, inviterId: string) {
    const now = new Date().toISOString()
    const theirs = (await store.listPendingInvitations(workspaceId, now)).filter((i) => i.createdBy === inviterId)
    for (const invitation of theirs) {
      if (!(await store.revokeInvitation(workspaceId, invitation.id, now))) continue
      await audit(store, {
        workspaceId,
        actorId,
        action: 'invitation.revoke',
        details: { email: invitation.email, role: invitation.role, invitedBy: inviterId },
      })
    }
  }

  /** The last coordinator cannot be removed or demoted: a workspace always has someone in charge. */
  async function ensureAnotherCoordinator(workspaceId: string, leavingUserId: string) {
    const members = await store.listMembers(workspaceId)
    if (!members.some((m) => m.role === 'coordinator' && m.userId !== leavingUserId)) throw lastCoordinator()
  }

  /** The same rule where it cannot race: the store refuses, in the change's own transaction, what would leave no coordinator. */
  async function keepingCoordinator(change: () => Promise<void>) {
    try {
      await change()
    } catch (error) {
      throw error instanceof LastCoordinatorError ? lastCoordinator() : error
    }
  }

  app.get('/:id/documents', async (c) => {
    const user = currentUser(c)
    const member = await requireMember(store, c.req.param('id'), user.id)
    const documents = await store.listDocuments(member.workspaceId)
    return c.json({
      documents: documents.map((d) => ({
        id: d.id,
        title: d.title,
        template: d.template,
        templateVersion: d.templateVersion,
        updatedAt: d.updatedAt,
        activeUsers: activeUsers(d.id),
      })),
    })
  })

  function activeUsers(documentId: string) {
    const room = deps.rooms.peek(documentId)
    const seen = new Map<string, string>()
    for (const connection of room?.connections ?? [])
      seen.set(connection.context.userId, connection.context.name)
    return [...seen].map(([id, name]) => ({ id, name }))
  }

  app.post('/:id/documents', async (c) => {
    const user = currentUser(c)
    const workspaceId = c.req.param('id')
    await requireMember(store, workspaceId, user.id, ['coordinator', 'editor'])
    const body = await readBody(c, documentBody)
    if (!isTemplateId(body.template)) {
      throw ApiError.badRequest(
        'Okänd mall. Välj fardplan, esf-projektide eller horisontell-analys.',
        'unknown_template',
      )
    }
    const template = getTemplate(body.template)
    const id = randomUUID()
    const doc = new Y.Doc()
    const sections = instantiateTemplate(doc, template, body.title, () => randomUUID().slice(0, 8))
    const now = new Date().toISOString()
    // The initial model is stored before the document is listed, so nobody opens an empty one.
    await deps.documents.appendUpdates(id, [Y.encodeStateAsUpdate(doc)])
    await store.createDocument({
      id,
      workspaceId,
      title: body.title,
      template: template.id,
      templateVersion: template.version,
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    })
    await audit(store, {
      workspaceId,
      documentId: id,
      actorId: user.id,
      action: 'document.create',
      details: { template: template.id, title: body.title },
    })
    return c.json(
      {
        id,
        title: body.title,
        template: template.id,
        templateVersion: template.version,
        workspaceId,
        sections,
      },
      201,
    )
  })

  return app
}
