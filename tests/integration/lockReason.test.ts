import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, newFixture, type Fixture } from '../utils/api.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let fixture: Fixture

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
})
afterAll(() => server.stop())

const lock = (sectionIndex: number, body: unknown) =>
  call(server.url, 'POST', `/api/documents/${fixture.documentId}/sections/${fixture.sections[sectionIndex]!.id}/lock`, fixture.coordinator.token, body)

describe('a lock’s reason', () => {
  it('refuses control, bidi and invisible characters and broken UTF-16 with a 400 that says so', async () => {
    for (const reason of ['OK\u202Egnalbat\u202C', 'rad ett\nrad två', 'noll\u0000byte', 'osynlig\u200Bskillnad']) {
      const refused = await lock(0, { reason })
      expect(refused.status, JSON.stringify(reason)).toBe(400)
      expect(refused.body.error.message).toBe('Anledningen innehåller osynliga tecken eller styrtecken.')
    }
    // A lone surrogate, sent as JSON's escape (a JS string would be re-encoded as U+FFFD on the way).
    const broken = await lock(0, '{"reason":"halv \\ud800 surrogat"}')
    expect(broken.status).toBe(400)
    expect(broken.body.error.message).toBe('Anledningen innehåller ogiltiga tecken.')
    const long = await lock(0, { reason: 'x'.repeat(501) })
    expect(long.body.error.message).toBe('Anledningen får ha högst 500 tecken.')
  })

  it('takes an ordinary reason as written (spaces made single), and a blank one or none as none', async () => {
    const locked = await lock(1, { reason: '  Styrgruppen  granskar – vecka 48 ✓ ' })
    expect(locked.status).toBe(200)
    expect(locked.body.lock.reason).toBe('Styrgruppen granskar – vecka 48 ✓')
    expect((await lock(2, { reason: '   ' })).body.lock.reason).toBe('')
    expect((await lock(3, {})).body.lock.reason).toBe('')
  })
})
