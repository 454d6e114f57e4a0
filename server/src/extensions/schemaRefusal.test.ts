import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { schemaRefusal } from './schemaRefusal.ts'

/** What a client holding the server's (empty) document sends after `change`. */
function updateFrom(change: (doc: Y.Doc) => void): [Y.Doc, Uint8Array] {
  const server = new Y.Doc()
  server.getXmlFragment('section:a').insert(0, [new Y.XmlElement('paragraph')])
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  client.transact(() => change(client))
  return [server, Y.encodeStateAsUpdate(client, before)]
}

const section = (doc: Y.Doc) => doc.getXmlFragment('section:a')
const refusal = (change: (doc: Y.Doc) => void) => schemaRefusal(...updateFrom(change))

function element(name: string, attributes: Record<string, string | number> = {}, text?: Y.XmlText): Y.XmlElement {
  const node = new Y.XmlElement(name)
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value as string)
  if (text) node.insert(0, [text])
  return node
}

describe('schemaRefusal', () => {
  it('takes what the editor writes: nodes with their attributes, marks, http(s) and mailto links', () => {
    expect(
      refusal((doc) => {
        const text = new Y.XmlText()
        text.insert(0, 'Se ', {})
        text.insert(3, 'www.mucf.se', { link: { href: 'https://www.mucf.se', target: '_blank', rel: 'noopener noreferrer nofollow', class: null } })
        text.insert(14, ' och ', { bold: {} })
        text.insert(19, 'oss', { link: { href: 'mailto:info@example.se' } })
        section(doc).push([element('heading', { level: 2 }), element('paragraph', {}, text), element('orderedList', { start: 3, type: '1' })])
      }),
    ).toBeNull()
    // Changing an attribute later, and ending a mark.
    const [server, first] = updateFrom((doc) => section(doc).push([element('heading', { level: 2 })]))
    Y.applyUpdate(server, first)
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(client)
    ;(section(client).get(1) as Y.XmlElement).setAttribute('level', 3 as unknown as string)
    expect(schemaRefusal(server, Y.encodeStateAsUpdate(client, before))).toBeNull()
  })

  it('refuses nodes, attributes and marks the editor does not have', () => {
    expect(refusal((doc) => section(doc).push([element('script')]))).toMatch(/Noden ”script”/)
    expect(refusal((doc) => section(doc).push([element('paragraph', { onclick: 'alert(1)' })]))).toMatch(/Attributet ”onclick”/)
    expect(refusal((doc) => (section(doc).get(0) as Y.XmlElement).setAttribute('style', 'color:red'))).toMatch(/Attributet ”style”/)
    expect(
      refusal((doc) => {
        const text = new Y.XmlText()
        text.insert(0, 'stor', { font: { size: 40 } })
        section(doc).push([element('paragraph', {}, text)])
      }),
    ).toMatch(/Formatet ”font”/)
  })

  it('refuses what a section or a text may not hold, which would break the editor of everyone', () => {
    expect(refusal((doc) => section(doc).push([new Y.Map() as unknown as Y.XmlElement]))).toMatch(/bara innehålla stycken/)
    const [server] = updateFrom(() => undefined)
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(other)
    other.getArray<unknown>('section:b').push(['en sträng'])
    expect(schemaRefusal(server, Y.encodeStateAsUpdate(other, before))).toMatch(/bara innehålla stycken/)
    expect(
      refusal((doc) => {
        const text = new Y.XmlText()
        text.insert(0, 'text')
        text.insertEmbed(2, new Y.XmlElement('paragraph') as unknown as object)
        section(doc).push([element('paragraph', {}, text)])
      }),
    ).not.toBeNull()
    expect(
      refusal((doc) => {
        const text = new Y.XmlText()
        text.insert(0, 'fet', { 'bold--notahash!': {} })
        section(doc).push([element('paragraph', {}, text)])
      }),
    ).toMatch(/Formatet/)
  })

  it('places a struct the server partly has where Yjs does: after the server\'s copy of its previous clock', () => {
    const server = new Y.Doc()
    const attacker = new Y.Doc()
    attacker.clientID = 99
    const text = new Y.XmlText()
    text.insert(0, 'ab')
    attacker.getXmlFragment('section:a').push([element('paragraph', {}, text), element('paragraph')])
    Y.applyUpdate(server, Y.encodeStateAsUpdate(attacker)) // clocks 0–4: P1, its text, "ab", P2
    // Clock 4 again, two long: "Q" overlaps P2, "Z" is new and claims to follow "b".
    const encoder = new Y.UpdateEncoderV1()
    encoder.writeLen(1)
    encoder.writeLen(1)
    encoder.writeClient(99)
    encoder.writeLen(4)
    new Y.Item(Y.createID(99, 4), null, Y.createID(99, 3), null, null, null, null, new Y.ContentString('QZ')).write(encoder, 0)
    encoder.writeLen(0)
    const forged = encoder.toUint8Array()
    const applied = new Y.Doc()
    Y.applyUpdate(applied, Y.encodeStateAsUpdate(server))
    Y.applyUpdate(applied, forged)
    expect(applied.getXmlFragment('section:a').toString()).toMatch(/<\/paragraph>Z$/)
    expect(schemaRefusal(server, forged)).toMatch(/bara innehålla stycken/)
  })

  it('follows a long chain of neighbours without recursion, and creates no root on the document', () => {
    const server = new Y.Doc()
    const offline = new Y.Doc()
    offline.clientID = 1
    offline.getXmlFragment('section:ny').push(Array.from({ length: 6000 }, () => element('paragraph')))
    const later = new Y.Doc()
    later.clientID = 2
    Y.applyUpdate(later, Y.encodeStateAsUpdate(offline))
    later.getXmlFragment('section:ny').push([element('heading', { level: 2 })])
    const update = Y.mergeUpdates([Y.encodeStateAsUpdate(offline), Y.encodeStateAsUpdate(later)])
    expect(schemaRefusal(server, update)).toBeNull()
    expect(server.share.has('section:ny')).toBe(false)
  })

  it('reads link addresses as a browser does: no hidden javascript:, relative and tel links pass', () => {
    const link = (href: string) =>
      refusal((doc) => {
        const text = new Y.XmlText()
        text.insert(0, 'länk', { link: { href } })
        section(doc).push([element('paragraph', {}, text)])
      })
    expect(link('java\tscript:alert(1)')).toMatch(/http-, https- eller mailto/)
    expect(link(' \u0001javascript:alert(1)')).toMatch(/http-, https- eller mailto/)
    expect(link('tel:+4681234567')).toBeNull()
    expect(link('/dokument/1')).toBeNull()
    expect(link('https://exa%20mple.com')).toBeNull()
  })

  it('refuses links to anything but http(s) and mailto, and link attributes a link does not have', () => {
    const link = (attributes: Record<string, unknown>) =>
      refusal((doc) => {
        const text = new Y.XmlText()
        text.insert(0, 'klicka', { link: attributes })
        section(doc).push([element('paragraph', {}, text)])
      })
    expect(link({ href: 'javascript:alert(1)' })).toMatch(/http-, https- eller mailto/)
    expect(link({ href: 'data:text/html,<script>alert(1)</script>' })).toMatch(/http-, https- eller mailto/)
    expect(link({ href: 'https://example.se', onmouseover: 'alert(1)' })).toMatch(/otillåtet attribut/)
  })

  it('refuses __proto__ keys, as a map key and inside a value', () => {
    expect(refusal((doc) => doc.getMap('fields').set('__proto__', 'x'))).toMatch(/Otillåten nyckel/)
    expect(refusal((doc) => doc.getMap('fields').set('a', JSON.parse('{"__proto__": {"polluted": true}}')))).toMatch(/Otillåten nyckel/)
  })

  it('refuses an own constructor key inside a value, which no copy of the value could be inserted with', () => {
    // Yjs cannot write such a value itself: the key is renamed in the encoded bytes, as an attacker does.
    const [server, update] = updateFrom((doc) => doc.getMap('fields').set('budget', { rows: [{ construXtor: 'c', amount: 1 }] }))
    const renamed = Buffer.from(Buffer.from(update).toString('latin1').replace('construXtor', 'constructor'), 'latin1')
    expect(Object.keys((Y.decodeUpdate(renamed).structs[0] as Y.Item).content.getContent()[0].rows[0])).toContain('constructor')
    expect(schemaRefusal(server, renamed)).toMatch(/Otillåten nyckel/)
    // As a map key it is harmless (a Y.Map keeps its keys in a Map).
    expect(refusal((doc) => doc.getMap('fields').set('constructor', 'x'))).toBeNull()
  })

  it('refuses bytes: a binary value, or a Uint8Array inside a value', () => {
    expect(refusal((doc) => doc.getMap('fields').set('blob', new Uint8Array(8)))).toMatch(/Binära värden/)
    expect(refusal((doc) => doc.getMap('fields').set('budget', { rows: [{ label: 'a', amount: new Uint8Array(8) }] }))).toMatch(/Binära värden/)
    expect(refusal((doc) => doc.getMap('fields').set('budget', { rows: [{ label: 'a', amount: 8 }] }))).toBeNull()
    // A comment's anchor is encoded relative positions: bytes there, in a new thread or an old one.
    expect(refusal((doc) => {
      const thread = new Y.Map<unknown>()
      doc.getMap('comments').set('c1', thread)
      thread.set('anchor', { start: new Uint8Array(4), end: new Uint8Array(4) })
    })).toBeNull()
    const [server, update] = updateFrom((doc) => doc.getMap('comments').set('c2', new Y.Map<unknown>([['quote', 'x']])))
    Y.applyUpdate(server, update)
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(client)
    ;(client.getMap('comments').get('c2') as Y.Map<unknown>).set('anchor', { start: new Uint8Array(4) })
    expect(schemaRefusal(server, Y.encodeStateAsUpdate(client, before))).toBeNull()
    // The same key anywhere else is no anchor.
    expect(refusal((doc) => doc.getMap('fields').set('budget', new Y.Map<unknown>([['anchor', { start: new Uint8Array(4) }]])))).toMatch(/Binära värden/)
    expect(refusal((doc) => doc.getMap('comments').set('anchor', { start: new Uint8Array(4) }))).toMatch(/Binära värden/)
    expect(refusal((doc) => {
      const thread = new Y.Map<unknown>()
      doc.getMap('comments').set('c3', thread)
      const nested = new Y.Map<unknown>()
      thread.set('replies', nested)
      nested.set('anchor', { start: new Uint8Array(4) })
    })).toMatch(/Binära värden/)
  })

  it('refuses embeds and subdocuments', () => {
    expect(refusal((doc) => doc.getText('t').insertEmbed(0, { image: 'x' }))).toMatch(/Inbäddat/)
    expect(refusal((doc) => doc.getMap('fields').set('doc', new Y.Doc()))).toMatch(/Inbäddat/)
  })
})
