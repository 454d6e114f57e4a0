import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addActivity, readPlan, updateActivity, type ActivityInput } from '@samskriv/plan'
import { call, newFixture, type Fixture } from '../utils/api.ts'
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

  it('locks the plan with its section: an editor is refused until the unlock, a coordinator is not', async () => {
    const editor = await fixture.addMember('editor', 'Låst planerare')
    const planSection = fixture.sections.find((section) => section.key === 'aktivitetsplan')
    if (!planSection) throw new Error('the färdplan has no plan section')
    const lockPath = `/api/documents/${fixture.documentId}/sections/${planSection.id}/lock`
    expect((await call(server.url, 'POST', lockPath, fixture.coordinator.token, { reason: 'Styrgruppen granskar' })).status).toBe(200)
    const activity: Omit<ActivityInput, 'title'> = { description: '', owner: null, start: '2026-01', end: '2026-02', status: 'planerad', phase: '', links: [], recurrence: null }

    const refused = await newClient(server.wsUrl, fixture.documentId, editor.token)
    addActivity(refused.doc, { ...activity, title: 'Under granskningen' })
    await waitFor(() => refused.closes.includes(4403), 'editor refused while the plan is locked')
    const coordinator = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    addActivity(coordinator.doc, { ...activity, title: 'Samordnarens rättelse' })

    expect((await call(server.url, 'DELETE', lockPath, fixture.coordinator.token)).status).toBe(200)
    const allowed = await newClient(server.wsUrl, fixture.documentId, editor.token)
    await waitFor(() => readPlan(allowed.doc).some((entry) => entry.title === 'Samordnarens rättelse'), 'the coordinator wrote through the lock')
    addActivity(allowed.doc, { ...activity, title: 'Efter granskningen' })
    await waitFor(() => readPlan(coordinator.doc).some((entry) => entry.title === 'Efter granskningen'), 'editor writes again after the unlock')
    expect(readPlan(coordinator.doc).some((entry) => entry.title === 'Under granskningen')).toBe(false)
    expect(allowed.closes).toEqual([])
    for (const client of [refused, coordinator, allowed]) client.destroy()
  })

  it('refuses turning the plan section into another kind, which would have taken the plan out of its lock', async () => {
    const editor = await fixture.addMember('editor', 'Ombyggare')
    const planSection = fixture.sections.find((section) => section.key === 'aktivitetsplan')!
    const client = await newClient(server.wsUrl, fixture.documentId, editor.token)
    ;(client.doc.getMap('sections').get(planSection.id) as Y.Map<unknown>).set('kind', 'text')
    await waitFor(() => client.closes.includes(4403), 'kind change refused')
    const observer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    expect((observer.doc.getMap('sections').get(planSection.id) as Y.Map<unknown>).get('kind')).toBe('plan')
    client.destroy()
    observer.destroy()
  })
})
