import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { newClient, typeParagraph } from '../utils/newClient.ts'
import { RawClient } from '../utils/rawClient.ts'
import { addThread, paragraphText } from '../utils/commentThread.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture
let editor: TestUser
let viewer: TestUser
let analyst: TestUser

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url)
  editor = await fixture.addMember('editor', 'Edit Editorsson')
  viewer = await fixture.addMember('viewer', 'Vera Viewer')
  analyst = await fixture.addMember('analyst', 'Anna Analys')
})
afterAll(() => server.stop())

const fragment = (doc: Y.Doc, sectionId: string) => doc.getXmlFragment(`section:${sectionId}`)

function insertParagraph(text: string, sectionId: string) {
  return (doc: Y.Doc) => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text)])
    fragment(doc, sectionId).push([paragraph])
  }
}

/** Sends `change` from a raw client of `user`; resolves with the close code, or undefined if accepted. */
async function attempt(user: TestUser, change: (doc: Y.Doc) => void, observerSection: string, marker: string) {
  const observer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  const raw = await RawClient.connect(server.wsUrl, fixture.documentId, user.token)
  await raw.waitSynced()
  raw.edit(change)
  // Either the server closes the raw client, or the observer receives the change.
  await waitFor(() => raw.closeCode !== undefined || observer.text(observerSection).includes(marker), 'a verdict')
  const received = observer.text(observerSection)
  raw.close()
  observer.destroy()
  return { closeCode: raw.closeCode, received }
}

describe('the server enforces roles and locks on every update', () => {
  it("refuses a viewer's garbage-collected content, which shows nowhere but would take up the document for good", async () => {
    const raw = await RawClient.connect(server.wsUrl, fixture.documentId, viewer.token)
    await raw.waitSynced()
    const client = 4_000_000_123
    const encoder = new Y.UpdateEncoderV1()
    encoder.writeLen(1)
    encoder.writeLen(1)
    encoder.writeClient(client)
    encoder.writeLen(0)
    new Y.GC(Y.createID(client, 0), 1_000_000).write(encoder, 0)
    encoder.writeLen(0)
    raw.sendUpdate(encoder.toUint8Array())
    expect(await raw.waitClosed()).toBe(4403)
    const fresh = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    expect(Y.decodeStateVector(Y.encodeStateVector(fresh.doc)).has(client)).toBe(false)
    fresh.destroy()
  })

  it("refuses a viewer's update: not applied, not broadcast, not stored", async () => {
    const section = fixture.sections[0]!.id
    const { closeCode, received } = await attempt(viewer, insertParagraph('läsarens-text', section), section, 'läsarens-text')
    expect(closeCode).toBe(4403)
    expect(received).not.toContain('läsarens-text')
    await server.crashAndRestart()
    const fresh = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    expect(fresh.text(section)).not.toContain('läsarens-text')
    fresh.destroy()
  })

  it('lets an editor write an unlocked section and refuses insert, delete and formatting once it is locked', async () => {
    const section = fixture.sections[3]!.id
    const ok = await attempt(editor, insertParagraph('fri-text', section), section, 'fri-text')
    expect(ok.closeCode).toBeUndefined()

    const lock = await call(server.url, 'POST', `/api/documents/${fixture.documentId}/sections/${section}/lock`, fixture.coordinator.token, { reason: 'Granskning' })
    expect(lock.status).toBe(200)
    const denied = await call(server.url, 'POST', `/api/documents/${fixture.documentId}/sections/${section}/lock`, editor.token, {})
    expect(denied.status).toBe(403)

    const edits: Array<[string, (doc: Y.Doc) => void]> = [
      ['insert', insertParagraph('låst-insättning', section)],
      ['delete', (doc) => fragment(doc, section).delete(0, 1)],
      ['format', (doc) => ((fragment(doc, section).get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 3, { bold: {} })],
    ]
    for (const [name, change] of edits) {
      const result = await attempt(editor, change, section, 'låst-insättning')
      expect(result.closeCode, name).toBe(4403)
      expect(result.received, name).toContain('fri-text')
      expect(result.received, name).not.toContain('<bold>')
    }
    await server.crashAndRestart()
    const fresh = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    expect(fresh.text(section)).toContain('fri-text')
    expect(fresh.text(section)).not.toContain('låst-insättning')
    expect(fresh.text(section)).not.toContain('<bold>')
    expect(fresh.doc.getMap('locks').get(section)).toMatchObject({ reason: 'Granskning' })
    fresh.destroy()

    const coordinatorEdit = await attempt(fixture.coordinator, insertParagraph('samordnarens-text', section), section, 'samordnarens-text')
    expect(coordinatorEdit.closeCode).toBeUndefined()
    expect(coordinatorEdit.received).toContain('samordnarens-text')

    await call(server.url, 'DELETE', `/api/documents/${fixture.documentId}/sections/${section}/lock`, fixture.coordinator.token)
    const after = await attempt(editor, insertParagraph('efter-upplåsning', section), section, 'efter-upplåsning')
    expect(after.closeCode).toBeUndefined()

    const auditLog = await call(server.url, 'GET', `/api/documents/${fixture.documentId}/audit`, fixture.coordinator.token)
    expect(auditLog.body.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['section.lock', 'section.unlock', 'document.create']))
    expect((await call(server.url, 'GET', `/api/documents/${fixture.documentId}/audit`, editor.token)).status).toBe(403)
  })

  it('guards a shared text in a section’s fields as the section: an editor types in it until the section is locked, a viewer never', async () => {
    const section = fixture.sections[6]!.id
    const seed = await RawClient.connect(server.wsUrl, fixture.documentId, editor.token)
    await seed.waitSynced()
    seed.edit((doc) => doc.getMap('fields').set(section, new Y.Map<unknown>([['name', new Y.Text('Projekt')]])))
    const text = (doc: Y.Doc) => (doc.getMap('fields').get(section) as Y.Map<unknown>).get('name') as Y.Text
    await waitFor(() => seed.doc.getMap('fields').has(section) && seed.closeCode === undefined, 'seeded')
    const typeAs = async (user: TestUser, typed: string) => {
      const raw = await RawClient.connect(server.wsUrl, fixture.documentId, user.token)
      await raw.waitSynced()
      await waitFor(() => raw.doc.getMap('fields').has(section), 'the text arrives')
      raw.edit((doc) => text(doc).insert(text(doc).length, typed))
      const observer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
      await waitFor(() => raw.closeCode !== undefined || String(text(observer.doc)).includes(typed), 'a verdict')
      const closeCode = raw.closeCode
      raw.close()
      observer.destroy()
      return closeCode
    }
    expect(await typeAs(editor, ' Gävleborg')).toBeUndefined()
    expect(await typeAs(viewer, ' läsarens')).toBe(4403)
    await call(server.url, 'POST', `/api/documents/${fixture.documentId}/sections/${section}/lock`, fixture.coordinator.token, { reason: 'Granskning' })
    expect(await typeAs(editor, ' låst')).toBe(4403)
    await call(server.url, 'DELETE', `/api/documents/${fixture.documentId}/sections/${section}/lock`, fixture.coordinator.token)
    seed.close()
  })

  it('refuses any client write to the locks root, even a coordinator\'s', async () => {
    const raw = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await raw.waitSynced()
    raw.edit((doc) => doc.getMap('locks').set(fixture.sections[0]!.id, { by: 'me' }))
    expect(await raw.waitClosed()).toBe(4403)
  })

  it('lets an analyst comment and sign off checks but not edit text', async () => {
    const section = fixture.sections[4]!.id
    const text = await attempt(analyst, insertParagraph('analytikerns-text', section), section, 'analytikerns-text')
    expect(text.closeCode).toBe(4403)
    const observer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    typeParagraph(observer.doc, section, 'Samordnarens mening att granska')
    const raw = await RawClient.connect(server.wsUrl, fixture.documentId, analyst.token)
    await raw.waitSynced()
    await waitFor(() => raw.doc.getXmlFragment(`section:${section}`).toString().includes('granska'), 'paragraph reaches the analyst')
    raw.edit((doc) => addThread(doc, 'c1', section, paragraphText(doc, section, 'granska'), 'granska', analyst, 'Bra!'))
    raw.edit((doc) => doc.getMap('checks').set('J1', new Y.Map<unknown>([['status', 'pass'], ['by', analyst.id]])))
    await waitFor(() => observer.doc.getMap('checks').has('J1') && observer.doc.getMap('comments').has('c1'), 'analyst writes arrive')
    expect(raw.closeCode).toBeUndefined()
    raw.close()

    // A sign-off in somebody else's name is refused, and nobody gets it.
    const forger = await RawClient.connect(server.wsUrl, fixture.documentId, analyst.token)
    await forger.waitSynced()
    forger.edit((doc) => doc.getMap('checks').set('J2', new Y.Map<unknown>([['status', 'pass'], ['by', fixture.coordinator.id]])))
    expect(await forger.waitClosed()).toBe(4403)
    expect(observer.doc.getMap('checks').has('J2')).toBe(false)
    observer.destroy()
  })

  it('lets an editor mark a section ready for review but not approve it', async () => {
    const section = fixture.sections[6]!.id
    const setStatus = (status: string) => (doc: Y.Doc) => (doc.getMap('sections').get(section) as Y.Map<unknown>).set('status', status)
    const ready = await RawClient.connect(server.wsUrl, fixture.documentId, editor.token)
    await ready.waitSynced()
    ready.edit(setStatus('klar-for-granskning'))
    const observer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    const statusSeen = () => (observer.doc.getMap('sections').get(section) as Y.Map<unknown>).get('status')
    await waitFor(() => statusSeen() === 'klar-for-granskning', 'ready status arrives')
    const approve = await RawClient.connect(server.wsUrl, fixture.documentId, editor.token)
    await approve.waitSynced()
    approve.edit(setStatus('godkand'))
    expect(await approve.waitClosed()).toBe(4403)
    const coordinator = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await coordinator.waitSynced()
    coordinator.edit(setStatus('godkand'))
    await waitFor(() => statusSeen() === 'godkand', 'coordinator approval arrives')
    for (const client of [ready, coordinator]) client.close()
    observer.destroy()
  })

  it('refuses removing a required template section but lets an editor remove an added one', async () => {
    const required = fixture.sections[0]!.id
    const remove = (sectionId: string) => (doc: Y.Doc) => {
      const outline = doc.getArray<string>('outline')
      doc.transact(() => {
        outline.delete(outline.toArray().indexOf(sectionId), 1)
        doc.getMap('sections').delete(sectionId)
      })
    }
    const refused = await RawClient.connect(server.wsUrl, fixture.documentId, editor.token)
    await refused.waitSynced()
    refused.edit(remove(required))
    expect(await refused.waitClosed()).toBe(4403)

    const adder = await RawClient.connect(server.wsUrl, fixture.documentId, editor.token)
    await adder.waitSynced()
    adder.edit((doc) => {
      doc.transact(() => {
        doc.getMap('sections').set('eget-1', new Y.Map<unknown>([['title', 'Eget'], ['required', false]]))
        doc.getArray<string>('outline').push(['eget-1'])
      })
    })
    const observer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await waitFor(() => observer.doc.getMap('sections').has('eget-1'), 'added section arrives')
    adder.edit(remove('eget-1'))
    await waitFor(() => !observer.doc.getMap('sections').has('eget-1'), 'optional section removed')
    expect(observer.doc.getMap('sections').has(required)).toBe(true)
    expect(adder.closeCode).toBeUndefined()
    adder.close()
    observer.destroy()
  })

  it('refuses a copy of a template section put first in the outline: it would take over the section’s checks and sign-off', async () => {
    const original = fixture.sections[0]!
    const decoy = await RawClient.connect(server.wsUrl, fixture.documentId, editor.token)
    await decoy.waitSynced()
    decoy.edit((doc) => {
      doc.transact(() => {
        doc.getMap('sections').set('kopia', new Y.Map<unknown>([['title', original.title], ['key', original.key], ['kind', 'text'], ['required', false]]))
        doc.getArray<string>('outline').insert(0, ['kopia'])
      })
    })
    expect(await decoy.waitClosed()).toBe(4403)
    const observer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    expect(observer.doc.getMap('sections').has('kopia')).toBe(false)
    observer.destroy()
  })

  it('refuses content outside the editor schema, from any role', async () => {
    const section = fixture.sections[7]!.id
    const link = (doc: Y.Doc) => {
      const text = new Y.XmlText()
      text.insert(0, 'skadlig-länk', { link: { href: 'javascript:alert(1)' } })
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [text])
      fragment(doc, section).push([paragraph])
    }
    const { closeCode, received } = await attempt(fixture.coordinator, link, section, 'skadlig-länk')
    expect(closeCode).toBe(4403)
    expect(received).not.toContain('skadlig-länk')
  })

  it('refuses bytes and a value with its own constructor key in a section’s fields (a version holding one could never be restored)', async () => {
    const section = fixture.sections[7]!.id
    const fields = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('fields')
    for (const value of [{ blob: new Uint8Array(64) }, { rows: [{ label: 'x', amount: new Uint8Array(8) }] }]) {
      const raw = await RawClient.connect(server.wsUrl, fixture.documentId, editor.token)
      await raw.waitSynced()
      raw.edit((doc) => fields(doc).set(section, new Y.Map(Object.entries(value))))
      expect(await raw.waitClosed()).toBe(4403)
    }
    // Yjs cannot write such a value itself: the key is renamed in the encoded bytes, as an attacker does.
    const raw = await RawClient.connect(server.wsUrl, fixture.documentId, editor.token)
    await raw.waitSynced()
    const before = Y.encodeStateVector(raw.doc)
    fields(raw.doc).set(section, new Y.Map<unknown>([['rows', [{ construXtor: 'c', label: 'x' }]]]))
    const update = Y.encodeStateAsUpdate(raw.doc, before)
    raw.sendUpdate(Buffer.from(Buffer.from(update).toString('latin1').replace('construXtor', 'constructor'), 'latin1'))
    expect(await raw.waitClosed()).toBe(4403)
    const observer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    expect(observer.doc.getMap('fields').has(section)).toBe(false)
    observer.destroy()
  })

  it('keeps the honest app client in sync while others are refused', async () => {
    const section = fixture.sections[5]!.id
    const a = await newClient(server.wsUrl, fixture.documentId, editor.token)
    typeParagraph(a.doc, section, 'ärlig-text')
    const b = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await waitFor(() => b.text(section).includes('ärlig-text'), 'honest edit arrives')
    a.destroy()
    b.destroy()
  })
})
