import { Hono } from 'hono'
import type { AppEnv, Deps } from '../../deps.ts'
import { audit } from '../../services/audit.ts'
import { hashToken } from '../../services/tokens.ts'
import { ApiError } from '../ApiError.ts'
import { currentUser } from '../middleware/session.ts'

/**
 * Invitation links: look one up (before registering), then accept it while logged in with the
 * address it was sent to, as long as whoever sent it is still a coordinator.
 */
export function invitationRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()

  async function validInvitation(token: string) {
    const invitation = await deps.store.findInvitation(hashToken(token))
    if (!invitation) throw ApiError.notFound('Inbjudan finns inte.')
    if (invitation.acceptedAt)
      throw new ApiError(410, 'invitation_used', 'Inbjudan har redan använts.')
    // Withdrawn, replaced by a newer invitation to the same address, or its address was removed.
    if (invitation.revokedAt) throw revoked()
    if (invitation.expiresAt <= new Date().toISOString())
      throw new ApiError(410, 'invitation_expired', 'Inbjudan har gått ut. Be om en ny.')
    // Only a coordinator may invite; one who is no longer one has no invitations out either.
    if (
      (await deps.store.findMember(invitation.workspaceId, invitation.createdBy))?.role !==
      'coordinator'
    ) {
      throw revoked()
    }
    return invitation
  }

  function revoked() {
    return new ApiError(
      410,
      'invitation_revoked',
      'Inbjudan gäller inte längre. Be en samordnare om en ny.',
    )
  }

  app.get('/:token', async (c) => {
    const invitation = await validInvitation(c.req.param('token'))
    const workspace = await deps.store.findWorkspace(invitation.workspaceId)
    return c.json({
      email: invitation.email,
      role: invitation.role,
      workspaceName: workspace?.name,
    })
  })

  app.post('/:token/accept', async (c) => {
    const user = currentUser(c)
    const token = c.req.param('token')
    const invitation = await validInvitation(token)
    // Membership goes to the account of the address invited, not to whichever account opened the
    // link (a colleague's it was forwarded to, the invitee's private one). Addresses are not
    // verified, so this does not make the link less of a secret: see DESIGN.md.
    if (user.email !== invitation.email) {
      throw new ApiError(
        403,
        'invitation_other_email',
        `Inbjudan gäller ${invitation.email}. Logga in med den adressen, eller skapa ett konto med den.`,
      )
    }
    const now = new Date().toISOString()
    if (!(await deps.store.acceptInvitation(hashToken(token), now))) {
      // Someone else's accept or a withdrawal came first.
      if ((await deps.store.findInvitation(hashToken(token)))?.revokedAt) throw revoked()
      throw new ApiError(410, 'invitation_used', 'Inbjudan har redan använts.')
    }
    const existing = await deps.store.findMember(invitation.workspaceId, user.id)
    if (!existing)
      await deps.store.upsertMember(invitation.workspaceId, user.id, invitation.role, now)
    await audit(deps.store, {
      workspaceId: invitation.workspaceId,
      actorId: user.id,
      action: 'member.join',
      details: { role: existing?.role ?? invitation.role, invitedEmail: invitation.email },
    })
    return c.json({ workspaceId: invitation.workspaceId, role: existing?.role ?? invitation.role })
  })

  return app
}
