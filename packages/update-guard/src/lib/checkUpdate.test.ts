import { DISCARDED_ROOT, type PermissionContext } from '@samskriv/schema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkUpdate } from './checkUpdate.ts'
import { cloneDoc, diffUpdate, paragraph, sampleDoc } from './testing/sampleDoc.ts'

const unlocked: PermissionContext = { isLocked: () => false }
const lockedA: PermissionContext = { isLocked: (id) => id === 'a' }

/** An update that adds a paragraph to section a and retitles it in the `sections` map. */
function editSectionA(): { server: Y.Doc; update: Uint8Array } {
  const server = sampleDoc(1)
  const client = cloneDoc(server, 10)
  client.transact(() => {
    client.getXmlFragment('section:a').insert(0, [paragraph('Inledning.')])
    ;(client.getMap('sections').get('a') as Y.Map<unknown>).set('title', 'Ny titel')
  })
  return { server, update: diffUpdate(client, server) }
}

/** An update of one GC struct: content its sender wrote and garbage-collected, or a forgery. */
function gcUpdate(client: number, clock: number, length: number): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoder.writeLen(1)
  encoder.writeLen(1)
  encoder.writeClient(client)
  encoder.writeLen(clock)
  new Y.GC(Y.createID(client, clock), length).write(encoder, 0)
  encoder.writeLen(0)
  return encoder.toUint8Array()
}

describe('checkUpdate', () => {
  it("refuses a client's write to meta.lastRestore, even a coordinator's: only the server tells who restored what", () => {
    const server = sampleDoc(1)
    const client = cloneDoc(server, 10)
    client.getMap('meta').set('lastRestore', { by: 'u-anna', name: 'Anna', at: '2026-11-25T00:00:00Z', sections: ['a'] })
    expect(checkUpdate(server, diffUpdate(client, server), 'coordinator', unlocked)).toMatchObject({ ok: false, code: 'forbidden' })
    const retitled = cloneDoc(server, 11)
    retitled.getMap('meta').set('title', 'Ny titel')
    expect(checkUpdate(server, diffUpdate(retitled, server), 'coordinator', unlocked)).toMatchObject({ ok: true })
  })

  it('counts garbage-collected content as a write: refused to a viewer, accepted from the writing roles', () => {
    const server = sampleDoc(1)
    const update = gcUpdate(77, 0, 100_000)
    expect(checkUpdate(server, update, 'viewer', unlocked)).toMatchObject({ ok: false, code: 'forbidden' })
    for (const role of ['coordinator', 'editor', 'analyst'] as const) {
      expect(checkUpdate(server, update, role, unlocked)).toEqual({ ok: true, targets: [{ root: DISCARDED_ROOT }] })
    }
  })

  it('refuses a struct that continues, past what the server knows, content the server has collected (Yjs would throw half-way)', () => {
    const server = sampleDoc(1)
    const writer = cloneDoc(server, 10)
    const section = writer.getXmlFragment('section:a')
    section.insert(0, [paragraph('kvar'), paragraph('borta')])
    Y.applyUpdate(server, diffUpdate(writer, server))
    server.getXmlFragment('section:a').delete(1, 1) // "borta" is collected: the server's last clocks of 10 are a GC
    const known = Y.getState(server.store, 10)
    const kept = ((server.getXmlFragment('section:a').get(0) as Y.XmlElement).get(0) as Y.XmlText)._start as Y.Item
    const encoder = new Y.UpdateEncoderV1()
    encoder.writeLen(1)
    encoder.writeLen(1)
    encoder.writeClient(10)
    encoder.writeLen(known - 1)
    new Y.Item(Y.createID(10, known - 1), null, Y.createID(kept.id.client, kept.id.clock + 2), null, null, null, null, new Y.ContentString('XY')).write(encoder, 0)
    encoder.writeLen(0)
    const update = encoder.toUint8Array()
    expect(checkUpdate(server, update, 'coordinator', unlocked)).toMatchObject({ ok: false, code: 'missing-dependency' })
    // Why: Yjs does not apply it whole.
    expect(() => Y.applyUpdate(cloneDoc(server, 2), update)).toThrow()
  })

  it('takes text typed next to content the server garbage-collected for discarded, as Yjs does, wherever it claims to go', () => {
    const server = sampleDoc(1)
    const writer = cloneDoc(server, 10)
    const section = writer.getXmlFragment('section:a')
    section.insert(0, [paragraph('Skrivet')])
    Y.applyUpdate(server, diffUpdate(writer, server))
    // Someone removes the paragraph: the server garbage-collects its text. The writer, offline, types on.
    server.getXmlFragment('section:a').delete(0, 1)
    ;((section.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(7, ' vidare')
    const update = diffUpdate(writer, server)
    expect(checkUpdate(server, update, 'viewer', unlocked)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(checkUpdate(server, update, 'editor', lockedA)).toEqual({ ok: true, targets: [{ root: DISCARDED_ROOT }] })
    Y.applyUpdate(server, update)
    expect(server.getXmlFragment('section:a').toString()).not.toContain('vidare')
  })

  it('accepts an editor writing an unlocked section and returns the targets', () => {
    const { server, update } = editSectionA()
    expect(checkUpdate(server, update, 'editor', unlocked)).toEqual({
      ok: true,
      targets: [{ root: 'section:a' }, { root: 'sections', key: 'a' }],
    })
  })

  it('refuses an editor writing a locked section, naming the target and the reason', () => {
    const { server, update } = editSectionA()
    expect(checkUpdate(server, update, 'editor', lockedA)).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'Avsnittet är låst för granskning.',
      target: { root: 'section:a' },
    })
  })

  it('lets a coordinator write a locked section', () => {
    const { server, update } = editSectionA()
    expect(checkUpdate(server, update, 'coordinator', lockedA).ok).toBe(true)
  })

  it('refuses viewers and analysts outside their roots', () => {
    const { server, update } = editSectionA()
    expect(checkUpdate(server, update, 'viewer', unlocked)).toMatchObject({
      ok: false,
      code: 'forbidden',
    })
    expect(checkUpdate(server, update, 'analyst', unlocked)).toMatchObject({
      ok: false,
      code: 'forbidden',
      target: { root: 'section:a' },
    })
  })

  it('lets an analyst comment', () => {
    const server = sampleDoc(1)
    const client = cloneDoc(server, 10)
    ;((client.getMap('comments').get('c1') as Y.Map<unknown>).get('body') as Y.Text).insert(
      0,
      'Mycket ',
    )
    expect(checkUpdate(server, diffUpdate(client, server), 'analyst', lockedA)).toEqual({
      ok: true,
      targets: [{ root: 'comments', key: 'c1' }],
    })
  })

  it('passes malformed and missing-dependency verdicts through', () => {
    const server = sampleDoc(1)
    expect(checkUpdate(server, new Uint8Array([1, 2, 3]), 'coordinator', unlocked)).toMatchObject({
      ok: false,
      code: 'malformed',
    })
  })
})
