import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addActivity } from '@samskriv/plan'
// The checks package's own complete, invented ESF+ fixture: every automatic item passes on it.
import { esfInputs } from '../../packages/checks/src/lib/testing/esfInputs.ts'
import { call, newFixture, type Fixture } from '../utils/api.ts'
import { newClient, typeParagraph } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url, 'esf-projektide')
})
afterAll(() => server.stop())

type Item = { id: string; kind: string; status: string; message: string }
async function items(): Promise<Item[]> {
  const response = await call(server.url, 'POST', `/api/documents/${fixture.documentId}/checks`, fixture.coordinator.token)
  return response.body.groups.flatMap((group: { items: Item[] }) => group.items)
}

describe('checks on a filled ESF+ document', () => {
  it('fails automatic items when fresh and passes every one once the sections, fields and plan are filled', async () => {
    expect((await items()).filter((item) => item.kind === 'automatic' && item.status === 'fail').length).toBeGreaterThan(0)

    const writer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    for (const section of fixture.sections) {
      const input = esfInputs[section.key]
      if (input === undefined) continue
      const text = typeof input === 'string' ? input : (input.text ?? '')
      for (const paragraph of text.split('\n').filter(Boolean)) typeParagraph(writer.doc, section.id, paragraph)
      const fields = typeof input === 'object' ? input.fields : undefined
      if (!fields) continue
      const { activities, ...rest } = fields as { activities?: Array<{ title: string; start: string; end: string }> }
      writer.doc.getMap('fields').set(section.id, new Y.Map(Object.entries(rest)))
      for (const activity of activities ?? []) {
        addActivity(writer.doc, { ...activity, description: '', owner: null, status: 'planerad', phase: '', links: [], recurrence: null })
      }
    }
    const notPassing = async () =>
      (await items()).filter((item) => item.kind === 'automatic' && item.status !== 'pass').map((item) => `${item.id}: ${item.message}`)
    // Edits arrive asynchronously; poll, then assert so a failure lists the items still open.
    await waitFor(async () => (await notPassing()).length === 0, 'all automatic items pass', 10_000).catch(() => undefined)
    expect(await notPassing()).toEqual([])
    expect((await items()).filter((item) => item.kind === 'manual').every((item) => item.status === 'pending')).toBe(true)
    writer.destroy()
  })
})
