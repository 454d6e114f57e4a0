import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { call, newFixture, registerUser, type Fixture, type TestUser } from '../utils/api.ts'
import { newClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let fixture: Fixture
let reader: TestUser
let first: Fixture['sections'][number]
let second: Fixture['sections'][number]

/** Writes as Tiptap's y-prosemirror does: marks are attributes whose values are the mark's attrs. */
function paragraph(parts: Array<[string, Record<string, unknown>?]>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  element.insert(0, [text])
  let at = 0
  for (const [insert, attributes] of parts) {
    text.insert(at, insert, attributes ?? {})
    at += insert.length
  }
  return element
}

function bulletList(items: string[]): Y.XmlElement {
  const list = new Y.XmlElement('bulletList')
  list.insert(
    0,
    items.map((item) => {
      const listItem = new Y.XmlElement('listItem')
      listItem.insert(0, [paragraph([[item]])])
      return listItem
    }),
  )
  return list
}

async function exportDocument(query: string, token = fixture.coordinator.token) {
  return fetch(`${server.url}/api/documents/${fixture.documentId}/export?${query}`, { headers: { authorization: `Bearer ${token}` } })
}

beforeAll(async () => {
  server = await newServer()
  fixture = await newFixture(server.url, 'esf-projektide')
  fixture = await newFixtureTitled()
  reader = await fixture.addMember('viewer', 'Läsare')
  ;[first, second] = [fixture.sections[0]!, fixture.sections[1]!]

  const writer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  writer.doc.transact(() => {
    writer.doc.getXmlFragment(`section:${first.id}`).push([
      paragraph([['Vi vill ', {}], ['stärka', { bold: {} }], [' och ', {}], ['utveckla', { italic: {} }], [' regionen.', {}]]),
      bulletList(['Första punkten', 'Andra punkten']),
    ])
    writer.doc.getXmlFragment(`section:${second.id}`).push([
      paragraph([['Läs mer hos ', {}], ['ESF-rådet', { link: { href: 'https://www.esf.se/', target: '_blank' } }], [' [sic] *inte fet*', {}]]),
    ])
  })
  await waitFor(async () => (await (await exportDocument('format=md')).text()).includes('ESF-rådet'), 'server has the edits', 10_000)
  writer.destroy()
})
afterAll(() => server.stop())

/** newFixture titles its document 'Ansökan'; a second document in the workspace has å, ä and ö and spaces. */
async function newFixtureTitled(): Promise<Fixture> {
  const document = await call(server.url, 'POST', `/api/workspaces/${fixture.workspaceId}/documents`, fixture.coordinator.token, {
    template: 'esf-projektide',
    title: 'Ansökan Östra Mälardalen',
  })
  expect(document.status).toBe(201)
  return { ...fixture, documentId: document.body.id, sections: document.body.sections }
}

describe('export', () => {
  it('exports Word with section headings, marks, list items and links', async () => {
    const response = await exportDocument('format=docx', reader.token)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    const disposition = response.headers.get('content-disposition') ?? ''
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('Ansökan-Östra-Mälardalen.docx')}`)
    expect(disposition).toContain('filename="Ansokan-Ostra-Malardalen.docx"')

    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await response.arrayBuffer()) })
    expect(html).toContain('<h1>Ansökan Östra Mälardalen</h1>')
    expect(html).toContain(`<h2>${first.title}</h2>`)
    expect(html).toContain(`<h2>${second.title}</h2>`)
    expect(html).toContain('<strong>stärka</strong>')
    expect(html).toContain('<em>utveckla</em>')
    expect(html).toMatch(/<li>Första punkten<\/li>\s*<li>Andra punkten<\/li>/)
    expect(html).toContain('<a href="https://www.esf.se/">ESF-rådet</a>')
    expect(html).toContain('<h2>Bilaga: antal tecken per avsnitt</h2>')
    expect(html).toMatch(new RegExp(`<li>${first.title}: \\d+ (av [\\d\\s\u00a0]+ )?tecken`))
  })

  it('exports Markdown with headings, emphasis, list items and escaped links', async () => {
    const response = await exportDocument('format=md')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/markdown')
    expect(response.headers.get('content-disposition')).toContain('.md')
    const markdown = await response.text()
    expect(markdown).toMatch(/^# Ansökan Östra Mälardalen$/m)
    expect(markdown).toContain(`## ${first.title}`)
    expect(markdown).toContain(`## ${second.title}`)
    expect(markdown).toContain('Vi vill **stärka** och _utveckla_ regionen.')
    expect(markdown).toMatch(/^- Första punkten\n- Andra punkten$/m)
    expect(markdown).toContain('[ESF-rådet](https://www.esf.se/)')
    expect(markdown).toContain('\\[sic\\] \\*inte fet\\*')
    expect(markdown).toContain('## Bilaga: antal tecken per avsnitt')
  })

  it('exports one section alone', async () => {
    const response = await exportDocument(`format=md&section=${second.id}`)
    expect(response.status).toBe(200)
    const markdown = await response.text()
    expect(markdown).toContain(`## ${second.title}`)
    expect(markdown).not.toContain(`## ${first.title}`)
    expect(markdown).not.toContain('stärka')
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent(second.title.replace(/[^\p{L}\p{N}._-]+/gu, '-')))

    const docx = await exportDocument(`format=docx&section=${first.id}`)
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await docx.arrayBuffer()) })
    expect(html).toContain(`<h2>${first.title}</h2>`)
    expect(html).not.toContain(`<h2>${second.title}</h2>`)
    expect((await exportDocument('format=md&section=finns-inte')).status).toBe(404)
  })

  it('refuses non-members and unknown formats', async () => {
    const stranger = await registerUser(server.url, 'Främling')
    expect((await exportDocument('format=docx', stranger.token)).status).toBe(404)
    expect((await exportDocument('format=pdf')).status).toBe(400)
  })
})
