import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqlite } from '@samskriv/storage'
import { TEMPLATE_IDS, getTemplate } from '@samskriv/schema'
import { call, newFixture, registerUser, type Fixture } from '../utils/api.ts'
import { newClient, typeParagraph } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
})
afterAll(() => server.stop())

describe('workspaces, roles and templates', () => {
  it.each(TEMPLATE_IDS)(
    'instantiates the %s template with all its sections and records the version',
    async (template) => {
      const created = await call(
        server.url,
        'POST',
        `/api/workspaces/${fixture.workspaceId}/documents`,
        fixture.coordinator.token,
        { template, title: `Dokument ${template}` },
      )
      expect(created.status).toBe(201)
      const definition = getTemplate(template)
      expect(created.body.sections.map((s: { key: string }) => s.key)).toEqual(
        definition.sections.map((s) => s.key),
      )
      expect(created.body.templateVersion).toBe(definition.version)
      const client = await newClient(server.wsUrl, created.body.id, fixture.coordinator.token)
      expect(client.doc.getMap('meta').toJSON()).toMatchObject({
        template,
        templateVersion: definition.version,
      })
      expect(client.doc.getMap('sections').size).toBe(definition.sections.length)
      client.destroy()
    },
  )

  it('refuses an unknown template with 400', async () => {
    const created = await call(
      server.url,
      'POST',
      `/api/workspaces/${fixture.workspaceId}/documents`,
      fixture.coordinator.token,
      { template: 'okand', title: 'x' },
    )
    expect(created.status).toBe(400)
    expect(created.body.error.code).toBe('unknown_template')
  })

  it('checks the role on every route: 403 for members without the role, 404 for non-members', async () => {
    const viewer = await fixture.addMember('viewer')
    const analyst = await fixture.addMember('analyst')
    const editor = await fixture.addMember('editor')
    const stranger = await registerUser(server.url)
    const ws = `/api/workspaces/${fixture.workspaceId}`
    const doc = `/api/documents/${fixture.documentId}`
    const section = fixture.sections[0]!.id
    const routes: Array<[string, string, unknown, Record<string, number>]> = [
      [
        'POST',
        `${ws}/documents`,
        { template: 'fardplan', title: 'T' },
        { viewer: 403, analyst: 403, editor: 201, stranger: 404 },
      ],
      [
        'POST',
        `${ws}/members`,
        { email: 'ny@example.se', role: 'editor' },
        { viewer: 403, analyst: 403, editor: 403, stranger: 404 },
      ],
      [
        'PATCH',
        `${ws}/members/${viewer.id}`,
        { role: 'viewer' },
        { viewer: 403, analyst: 403, editor: 403, stranger: 404 },
      ],
      [
        'GET',
        `${ws}/documents`,
        undefined,
        { viewer: 200, analyst: 200, editor: 200, stranger: 404 },
      ],
      ['GET', doc, undefined, { viewer: 200, analyst: 200, editor: 200, stranger: 404 }],
      [
        'POST',
        `${doc}/sections/${section}/lock`,
        {},
        { viewer: 403, analyst: 403, editor: 403, stranger: 404 },
      ],
      [
        'DELETE',
        `${doc}/sections/${section}/lock`,
        undefined,
        { viewer: 403, analyst: 403, editor: 403, stranger: 404 },
      ],
      ['GET', `${doc}/audit`, undefined, { viewer: 403, analyst: 403, editor: 403, stranger: 404 }],
      [
        'POST',
        `${doc}/checks`,
        undefined,
        { viewer: 200, analyst: 200, editor: 200, stranger: 404 },
      ],
      ['DELETE', doc, undefined, { viewer: 403, analyst: 403, editor: 403, stranger: 404 }],
    ]
    const users = { viewer, analyst, editor, stranger }
    for (const [method, path, body, expected] of routes) {
      for (const [who, status] of Object.entries(expected)) {
        const response = await call(
          server.url,
          method,
          path,
          users[who as keyof typeof users].token,
          body,
        )
        expect(response.status, `${method} ${path} as ${who}`).toBe(status)
      }
    }
  })

  it("moves a document's last change forward in the workspace list when someone writes in it", async () => {
    const listed = async () => {
      const { body } = await call(
        server.url,
        'GET',
        `/api/workspaces/${fixture.workspaceId}/documents`,
        fixture.coordinator.token,
      )
      return (body.documents as Array<{ id: string; updatedAt: string }>).find(
        (d) => d.id === fixture.documentId,
      )!.updatedAt
    }
    const before = await listed()
    const client = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    typeParagraph(client.doc, fixture.sections[0]!.id, 'Ny text i listan')
    let after = before
    await waitFor(async () => (after = await listed()) > before, 'the list shows the newer change')
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before))
    client.destroy()
  })

  it('keeps the last coordinator', async () => {
    const only = await call(
      server.url,
      'PATCH',
      `/api/workspaces/${fixture.workspaceId}/members/${fixture.coordinator.id}`,
      fixture.coordinator.token,
      { role: 'editor' },
    )
    expect(only.status).toBe(409)
    expect(
      (
        await call(
          server.url,
          'DELETE',
          `/api/workspaces/${fixture.workspaceId}/members/${fixture.coordinator.id}`,
          fixture.coordinator.token,
        )
      ).status,
    ).toBe(409)
  })

  it('invites by e-mail: a new user registers and accepts once; a reused link is refused', async () => {
    const email = `inbjuden-${Date.now()}@example.se`
    const invited = await call(
      server.url,
      'POST',
      `/api/workspaces/${fixture.workspaceId}/members`,
      fixture.coordinator.token,
      { email, role: 'editor' },
    )
    expect(invited.status).toBe(201)
    const token = invited.body.invitation.token as string
    expect((await call(server.url, 'GET', `/api/invitations/${token}`)).body).toMatchObject({
      email,
      role: 'editor',
      workspaceName: 'Förbundet',
    })
    const registered = await call(server.url, 'POST', '/api/auth/register', undefined, {
      email,
      name: 'Ny Person',
      password: 'lösenord123',
    })
    const accepted = await call(
      server.url,
      'POST',
      `/api/invitations/${token}/accept`,
      registered.body.token,
    )
    expect(accepted.body).toMatchObject({ workspaceId: fixture.workspaceId, role: 'editor' })
    expect(
      (await call(server.url, 'GET', `/api/documents/${fixture.documentId}`, registered.body.token))
        .body.role,
    ).toBe('editor')
    const other = await registerUser(server.url)
    expect(
      (await call(server.url, 'POST', `/api/invitations/${token}/accept`, other.token)).status,
    ).toBe(410)
    expect(
      (await call(server.url, 'GET', `/api/documents/${fixture.documentId}`, other.token)).status,
    ).toBe(404)
  })

  it('lets only the invited address in, and only while whoever invited is a coordinator', async () => {
    const email = `vidarebefordrad-${Date.now()}@example.se`
    const invited = await call(
      server.url,
      'POST',
      `/api/workspaces/${fixture.workspaceId}/members`,
      fixture.coordinator.token,
      { email, role: 'coordinator' },
    )
    const token = invited.body.invitation.token as string
    const stranger = await registerUser(server.url, 'Fick länken')
    const refused = await call(
      server.url,
      'POST',
      `/api/invitations/${token}/accept`,
      stranger.token,
    )
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('invitation_other_email')
    expect(
      (await call(server.url, 'GET', `/api/documents/${fixture.documentId}`, stranger.token))
        .status,
    ).toBe(404)

    const inviter = await fixture.addMember('coordinator', 'Tidigare samordnare')
    const later = `senare-${Date.now()}@example.se`
    const fromInviter = await call(
      server.url,
      'POST',
      `/api/workspaces/${fixture.workspaceId}/members`,
      inviter.token,
      { email: later, role: 'editor' },
    )
    await call(
      server.url,
      'PATCH',
      `/api/workspaces/${fixture.workspaceId}/members/${inviter.id}`,
      fixture.coordinator.token,
      { role: 'editor' },
    )
    const user = await call(server.url, 'POST', '/api/auth/register', undefined, {
      email: later,
      name: 'Sent Inbjuden',
      password: 'lösenord123',
    })
    expect(
      (await call(server.url, 'GET', `/api/invitations/${fromInviter.body.invitation.token}`)).body
        .error.code,
    ).toBe('invitation_revoked')
    const revoked = await call(
      server.url,
      'POST',
      `/api/invitations/${fromInviter.body.invitation.token}/accept`,
      user.body.token,
    )
    expect(revoked.status).toBe(410)
    expect(revoked.body.error.code).toBe('invitation_revoked')
    expect(
      (await call(server.url, 'GET', `/api/documents/${fixture.documentId}`, user.body.token))
        .status,
    ).toBe(404)

    // The invited address itself is let in.
    const own = await call(server.url, 'POST', '/api/auth/register', undefined, {
      email,
      name: 'Rätt Person',
      password: 'lösenord123',
    })
    expect(
      (await call(server.url, 'POST', `/api/invitations/${token}/accept`, own.body.token)).body
        .role,
    ).toBe('coordinator')
  })

  it("shows the workspace's member events in a document's log, naming the member", async () => {
    const own = await newFixture(server.url)
    const member = await own.addMember('editor', 'Loggad Lisa')
    await call(server.url, 'PATCH', `/api/workspaces/${own.workspaceId}/members/${member.id}`, own.coordinator.token, { role: 'viewer' })
    const log = await call(server.url, 'GET', `/api/documents/${own.documentId}/audit`, own.coordinator.token)
    const roleChange = log.body.entries.find((entry: { action: string }) => entry.action === 'member.role')
    expect(roleChange.details).toMatchObject({ userId: member.id, userName: 'Loggad Lisa', from: 'editor', role: 'viewer' })
    // Newest first, the document's own entries among them.
    const actions = log.body.entries.map((entry: { action: string }) => entry.action)
    expect(actions[0]).toBe('member.role')
    expect(actions).toContain('document.create')
    // Another workspace's events stay out.
    const other = await call(server.url, 'GET', `/api/documents/${fixture.documentId}/audit`, fixture.coordinator.token)
    expect(JSON.stringify(other.body.entries)).not.toContain('Loggad Lisa')
  })

  it('refuses an expired invitation link', async () => {
    const email = `sen-${Date.now()}@example.se`
    const invited = await call(
      server.url,
      'POST',
      `/api/workspaces/${fixture.workspaceId}/members`,
      fixture.coordinator.token,
      { email, role: 'viewer' },
    )
    // Age the invitation in the server's own database file (WAL allows a second connection).
    const db = openSqlite(join(server.dataDir, 'samskriv.sqlite'))
    db.prepare(
      "UPDATE invitations SET expires_at = '2000-01-01T00:00:00.000Z' WHERE email = ?",
    ).run(email)
    db.close()
    const user = await call(server.url, 'POST', '/api/auth/register', undefined, {
      email,
      name: 'Sen Person',
      password: 'lösenord123',
    })
    const accepted = await call(
      server.url,
      'POST',
      `/api/invitations/${invited.body.invitation.token}/accept`,
      user.body.token,
    )
    expect(accepted.status).toBe(410)
    expect(accepted.body.error.code).toBe('invitation_expired')
    expect(
      (await call(server.url, 'GET', `/api/documents/${fixture.documentId}`, user.body.token))
        .status,
    ).toBe(404)
  })

  it('adds an existing user at once and changes roles', async () => {
    const user = await registerUser(server.url)
    const added = await call(
      server.url,
      'POST',
      `/api/workspaces/${fixture.workspaceId}/members`,
      fixture.coordinator.token,
      { email: user.email, role: 'analyst' },
    )
    expect(added.body.member.role).toBe('analyst')
    await call(
      server.url,
      'PATCH',
      `/api/workspaces/${fixture.workspaceId}/members/${user.id}`,
      fixture.coordinator.token,
      { role: 'viewer' },
    )
    expect(
      (await call(server.url, 'GET', `/api/documents/${fixture.documentId}`, user.token)).body.role,
    ).toBe('viewer')
    const audit = await call(
      server.url,
      'GET',
      `/api/workspaces/${fixture.workspaceId}`,
      fixture.coordinator.token,
    )
    expect(audit.body.members.find((m: { userId: string }) => m.userId === user.id).role).toBe(
      'viewer',
    )
  })
})

describe('pending invitations', () => {
  const ws = () => `/api/workspaces/${fixture.workspaceId}`
  const invite = (email: string, role: string, token = fixture.coordinator.token) =>
    call(server.url, 'POST', `${ws()}/members`, token, { email, role })
  const register = async (email: string, name: string) =>
    (
      await call(server.url, 'POST', '/api/auth/register', undefined, {
        email,
        name,
        password: 'lösenord123',
      })
    ).body.token as string
  const roleIn = async (token: string) =>
    (await call(server.url, 'GET', `/api/documents/${fixture.documentId}`, token)).body.role as
      string | undefined

  it('a re-invitation revokes the earlier link: the first link (as coordinator) is refused', async () => {
    const email = `omvald-${Date.now()}@example.se`
    const first = await invite(email, 'coordinator')
    const second = await invite(email, 'viewer')
    expect(second.status).toBe(201)
    const read = await call(server.url, 'GET', `/api/invitations/${first.body.invitation.token}`)
    expect(read.status).toBe(410)
    expect(read.body.error.code).toBe('invitation_revoked')
    const token = await register(email, 'Omvald Person')
    const refused = await call(
      server.url,
      'POST',
      `/api/invitations/${first.body.invitation.token}/accept`,
      token,
    )
    expect(refused.status).toBe(410)
    expect(refused.body.error.code).toBe('invitation_revoked')
    expect(await roleIn(token)).toBeUndefined()
    // The newest link holds, with its own role.
    expect(
      (
        await call(
          server.url,
          'POST',
          `/api/invitations/${second.body.invitation.token}/accept`,
          token,
        )
      ).body.role,
    ).toBe('viewer')
    expect(await roleIn(token)).toBe('viewer')
  })

  it('adding a registered address directly revokes the links sent to it before', async () => {
    const email = `direkt-${Date.now()}@example.se`
    const link = await invite(email, 'coordinator')
    const token = await register(email, 'Direkt Person')
    expect((await invite(email, 'viewer')).body).toMatchObject({
      member: { role: 'viewer' },
      previousRole: null,
    })
    expect(
      (await call(server.url, 'GET', `/api/invitations/${link.body.invitation.token}`)).body.error
        .code,
    ).toBe('invitation_revoked')
    expect(
      (
        await call(
          server.url,
          'POST',
          `/api/invitations/${link.body.invitation.token}/accept`,
          token,
        )
      ).status,
    ).toBe(410)
    expect(await roleIn(token)).toBe('viewer')
  })

  it('removing a member revokes pending invitations to their address in that workspace', async () => {
    const member = await fixture.addMember('editor', 'Borttagen')
    // Through the API a registered address is added at once, so plant a pending link as data from
    // before this rule would hold one.
    const db = openSqlite(join(server.dataDir, 'samskriv.sqlite'))
    db.prepare(
      "INSERT INTO invitations (id, token_hash, workspace_id, email, role, created_by, created_at, expires_at) VALUES ('planted', ?, ?, ?, 'coordinator', ?, ?, '2999-01-01T00:00:00.000Z')",
    ).run(
      createHash('sha256').update('planted-token').digest('base64url'),
      fixture.workspaceId,
      member.email,
      fixture.coordinator.id,
      new Date().toISOString(),
    )
    db.close()
    const pendingIds = async () =>
      (
        await call(server.url, 'GET', `${ws()}/invitations`, fixture.coordinator.token)
      ).body.invitations.map((i: { id: string }) => i.id)
    expect(await pendingIds()).toContain('planted')
    expect(
      (await call(server.url, 'DELETE', `${ws()}/members/${member.id}`, fixture.coordinator.token))
        .status,
    ).toBe(200)
    const refused = await call(
      server.url,
      'POST',
      '/api/invitations/planted-token/accept',
      member.token,
    )
    expect(refused.status).toBe(410)
    expect(refused.body.error.code).toBe('invitation_revoked')
    expect(await roleIn(member.token)).toBeUndefined()
    expect(await pendingIds()).not.toContain('planted')
  })

  it('lists pending invitations to coordinators only, without tokens, and withdraws one', async () => {
    const email = `listad-${Date.now()}@example.se`
    const sent = await invite(email, 'analyst')
    const listed = await call(server.url, 'GET', `${ws()}/invitations`, fixture.coordinator.token)
    expect(listed.status).toBe(200)
    const entry = listed.body.invitations.find((i: { email: string }) => i.email === email)
    expect(entry).toEqual({
      id: sent.body.invitation.id,
      email,
      role: 'analyst',
      createdAt: expect.any(String),
      expiresAt: sent.body.invitation.expiresAt,
      invitedBy: { id: fixture.coordinator.id, name: 'Samordnare Siv' },
    })
    expect(JSON.stringify(listed.body)).not.toContain(sent.body.invitation.token)
    expect(JSON.stringify(listed.body)).not.toMatch(/token|hash/i)

    const viewer = await fixture.addMember('viewer')
    const editor = await fixture.addMember('editor')
    const stranger = await registerUser(server.url)
    const path = `${ws()}/invitations/${entry.id}`
    for (const [who, user, status] of [
      ['viewer', viewer, 403],
      ['editor', editor, 403],
      ['stranger', stranger, 404],
    ] as const) {
      expect(
        (await call(server.url, 'GET', `${ws()}/invitations`, user.token)).status,
        `list as ${who}`,
      ).toBe(status)
      expect(
        (await call(server.url, 'DELETE', path, user.token)).status,
        `withdraw as ${who}`,
      ).toBe(status)
    }
    // An id from another workspace is not found there.
    const other = await call(server.url, 'POST', '/api/workspaces', fixture.coordinator.token, {
      name: 'Annan',
    })
    expect(
      (
        await call(
          server.url,
          'DELETE',
          `/api/workspaces/${other.body.id}/invitations/${entry.id}`,
          fixture.coordinator.token,
        )
      ).status,
    ).toBe(404)

    expect((await call(server.url, 'DELETE', path, fixture.coordinator.token)).status).toBe(200)
    expect((await call(server.url, 'DELETE', path, fixture.coordinator.token)).status).toBe(404)
    const after = await call(server.url, 'GET', `${ws()}/invitations`, fixture.coordinator.token)
    expect(after.body.invitations.map((i: { id: string }) => i.id)).not.toContain(entry.id)
    const token = await register(email, 'Listad Person')
    const refused = await call(
      server.url,
      'POST',
      `/api/invitations/${sent.body.invitation.token}/accept`,
      token,
    )
    expect(refused.body.error.code).toBe('invitation_revoked')
    expect(await roleIn(token)).toBeUndefined()
  })
})
