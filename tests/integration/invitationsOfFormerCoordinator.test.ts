import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let fixture: Fixture

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
})
afterAll(() => server.stop())

const members = () => `/api/workspaces/${fixture.workspaceId}/members`
const link = (token: string) => call(server.url, 'GET', `/api/invitations/${token}`)

/** A second coordinator and an invitation they sent, as coordinator, to an address with no account. */
async function inviterWithLink(label: string): Promise<{ inviter: TestUser; token: string; email: string }> {
  const inviter = await fixture.addMember('coordinator', `Samordnare ${label}`)
  const email = `inbjuden-${label}-${Date.now()}@example.se`
  const invited = await call(server.url, 'POST', members(), inviter.token, { email, role: 'coordinator' })
  expect(invited.status).toBe(201)
  const token = invited.body.invitation.token as string
  expect((await link(token)).status).toBe(200)
  return { inviter, token, email }
}

const revocations = async (email: string) =>
  ((await call(server.url, 'GET', `/api/documents/${fixture.documentId}/audit`, fixture.coordinator.token)).body.entries as Array<{ action: string; actorId: string; details: Record<string, unknown> }>).filter(
    (entry) => entry.action === 'invitation.revoke' && entry.details.email === email,
  )

describe('invitations of a coordinator who stops being one', () => {
  it('are revoked for good when the coordinator is demoted, even if promoted again, and the revocation is audited', async () => {
    const { inviter, token, email } = await inviterWithLink('demoted')
    expect((await call(server.url, 'PATCH', `${members()}/${inviter.id}`, fixture.coordinator.token, { role: 'viewer' })).status).toBe(200)
    expect((await link(token)).body.error.code).toBe('invitation_revoked')
    expect((await call(server.url, 'PATCH', `${members()}/${inviter.id}`, fixture.coordinator.token, { role: 'coordinator' })).status).toBe(200)
    // Before, the link worked again here (200): it was only refused while its sender was not a coordinator.
    const after = await link(token)
    expect(after.status).toBe(410)
    expect(after.body.error.code).toBe('invitation_revoked')
    expect(await revocations(email)).toMatchObject([{ actorId: fixture.coordinator.id, details: { role: 'coordinator', invitedBy: inviter.id } }])
    const pending = await call(server.url, 'GET', `/api/workspaces/${fixture.workspaceId}/invitations`, fixture.coordinator.token)
    expect(pending.body.invitations.map((i: { email: string }) => i.email)).not.toContain(email)
  })

  it('are revoked for good when the coordinator is removed, even if added again', async () => {
    const { inviter, token, email } = await inviterWithLink('removed')
    expect((await call(server.url, 'DELETE', `${members()}/${inviter.id}`, fixture.coordinator.token)).status).toBe(200)
    expect((await call(server.url, 'POST', members(), fixture.coordinator.token, { email: inviter.email, role: 'coordinator' })).status).toBe(201)
    expect((await link(token)).body.error.code).toBe('invitation_revoked')
    expect(await revocations(email)).toHaveLength(1)
  })

  it('leave other coordinators’ invitations and a role change among non-coordinators alone', async () => {
    const email = `kvar-${Date.now()}@example.se`
    const own = await call(server.url, 'POST', members(), fixture.coordinator.token, { email, role: 'editor' })
    const { inviter, token } = await inviterWithLink('kept')
    const editor = await fixture.addMember('editor')
    expect((await call(server.url, 'PATCH', `${members()}/${editor.id}`, fixture.coordinator.token, { role: 'viewer' })).status).toBe(200)
    expect((await link(token)).status).toBe(200)
    expect((await call(server.url, 'PATCH', `${members()}/${inviter.id}`, fixture.coordinator.token, { role: 'editor' })).status).toBe(200)
    expect((await link(own.body.invitation.token)).status).toBe(200)
  })
})
