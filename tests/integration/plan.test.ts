import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addActivity, readPlan, updateActivity } from '@samskriv/plan'
import { newFixture, type Fixture } from '../utils/api.ts'
import { newClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url, 'fardplan')
})
afterAll(() => server.stop())

describe('the färdplan plan is live', () => {
  it('keeps both edits when two clients change different fields of one activity at once', async () => {
    const editor = await fixture.addMember('editor', 'Planerare')
    const a = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const b = await newClient(server.wsUrl, fixture.documentId, editor.token)
    const id = addActivity(a.doc, {
      title: 'Månadsmöte',
      description: '',
      owner: null,
      start: '2025-11',
      end: '2026-02',
      status: 'planerad',
      phase: 'Genomförande',
      links: [],
      recurrence: { every: 'month' },
    })
    await waitFor(() => readPlan(b.doc).some((activity) => activity.id === id), 'b sees the activity')
    // Disconnect both so the edits are truly concurrent, then reconnect.
    a.provider.disconnect()
    b.provider.disconnect()
    updateActivity(a.doc, id, { title: 'Månadsmöte med förbundscheferna' })
    updateActivity(b.doc, id, { status: 'pagar', end: '2026-03' })
    a.provider.connect()
    b.provider.connect()
    const merged = (doc: typeof a.doc) => readPlan(doc).find((activity) => activity.id === id)
    await waitFor(() => merged(a.doc)?.status === 'pagar' && merged(b.doc)?.title === 'Månadsmöte med förbundscheferna', 'both edits on both clients')
    expect(merged(a.doc)).toEqual(merged(b.doc))
    expect(merged(a.doc)).toMatchObject({ title: 'Månadsmöte med förbundscheferna', status: 'pagar', end: '2026-03', start: '2025-11' })
    a.destroy()
    b.destroy()
  })

  it("refuses an analyst's plan edit", async () => {
    const analyst = await fixture.addMember('analyst', 'Analytiker')
    const client = await newClient(server.wsUrl, fixture.documentId, analyst.token)
    addActivity(client.doc, { title: 'Otillåten', description: '', owner: null, start: '2026-01', end: '2026-01', status: 'planerad', phase: '', links: [], recurrence: null })
    await waitFor(() => client.closes.includes(4403), 'analyst refused')
    const observer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    expect(readPlan(observer.doc).some((activity) => activity.title === 'Otillåten')).toBe(false)
    client.destroy()
    observer.destroy()
  })
})
