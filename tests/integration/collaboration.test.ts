import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture } from '../utils/api.ts'
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

describe('co-editing over the stock y-websocket provider', () => {
  it('loads the template model on first sync', async () => {
    const client = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    expect(client.doc.getArray('outline').toArray()).toEqual(fixture.sections.map((s) => s.id))
    expect(client.doc.getMap('meta').get('template')).toBe('esf-projektide')
    client.destroy()
  })

  it('converges on concurrent edits to one section, and a late joiner gets the whole state', async () => {
    const editor = await fixture.addMember('editor', 'Erik')
    const a = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const b = await newClient(server.wsUrl, fixture.documentId, editor.token)
    const section = fixture.sections[0]!.id
    for (let i = 0; i < 20; i++) {
      typeParagraph(a.doc, section, `a${i}`)
      typeParagraph(b.doc, section, `b${i}`)
    }
    await waitFor(() => a.text(section) === b.text(section) && a.text(section).includes('a19') && a.text(section).includes('b19'), 'a and b converge')
    const late = await newClient(server.wsUrl, fixture.documentId, editor.token)
    await waitFor(() => late.text(section) === a.text(section), 'late joiner has everything')
    expect(late.text(section).match(/<paragraph>/g)).toHaveLength(40)
    for (const client of [a, b, late]) client.destroy()
  })

  it('shows presence with the session name and removes it when a client disconnects', async () => {
    const a = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const b = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    a.provider.awareness.setLocalStateField('user', { name: 'Låtsasnamn', color: '#000' })
    const seenByB = () => b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name?: string } } | undefined
    await waitFor(() => seenByB() !== undefined, 'b sees a')
    expect(seenByB()?.user?.name).toBe('Samordnare Siv')
    a.destroy()
    await waitFor(() => seenByB() === undefined, 'a disappears for b')
    b.destroy()
  })
})
