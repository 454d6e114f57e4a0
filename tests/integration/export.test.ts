import { addActivity, projectPeriodSource, setProjectPeriod } from '@samskriv/plan'
import { readSections } from '@samskriv/schema'
import mammoth from 'mammoth'
import { lexer, type Token, type Tokens } from 'marked'
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

function list(kind: 'bulletList' | 'orderedList', items: Array<string | Array<[string, Record<string, unknown>?]>>): Y.XmlElement {
  const element = new Y.XmlElement(kind)
  element.insert(
    0,
    items.map((item) => {
      const listItem = new Y.XmlElement('listItem')
      listItem.insert(0, [paragraph(typeof item === 'string' ? [[item]] : item)])
      return listItem
    }),
  )
  return element
}

const bulletList = (items: string[]) => list('bulletList', items)

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
      paragraph([['Så här gör vi:']]),
      list('orderedList', ['Samla in underlag', [['Analysera ', {}], ['noga', { bold: {} }]]]),
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

/** Every token of a marked token tree, depth first. */
function allTokens(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((token) => {
    const children = [
      ...('tokens' in token && Array.isArray(token.tokens) ? token.tokens : []),
      ...(token.type === 'list' ? (token as Tokens.List).items : []),
    ] as Token[]
    return [token, ...allTokens(children)]
  })
}

describe('Markdown round trip', () => {
  it('parses back to the same headings, lists, marks and links', async () => {
    const markdown = await (await exportDocument('format=md')).text()
    const tokens = lexer(markdown)
    const flat = allTokens(tokens)

    const headings = tokens.filter((token): token is Tokens.Heading => token.type === 'heading')
    expect(headings[0]).toMatchObject({ depth: 1, text: 'Ansökan Östra Mälardalen' })
    expect(headings.filter((heading) => heading.depth === 2).map((heading) => heading.text)).toEqual(
      expect.arrayContaining([first.title, second.title]),
    )

    const lists = tokens.filter((token): token is Tokens.List => token.type === 'list')
    const bullets = lists.find((token) => !token.ordered)
    const numbered = lists.find((token) => token.ordered)
    expect(bullets?.items.map((item) => item.text)).toEqual(['Första punkten', 'Andra punkten'])
    expect(numbered?.start).toBe(1)
    expect(numbered?.items.map((item) => item.text)).toEqual(['Samla in underlag', 'Analysera **noga**'])
    expect(allTokens(numbered!.items).some((token) => token.type === 'strong' && token.text === 'noga')).toBe(true)

    expect(flat.filter((token) => token.type === 'strong').map((token) => (token as Tokens.Strong).text)).toContain('stärka')
    expect(flat.filter((token) => token.type === 'em').map((token) => (token as Tokens.Em).text)).toEqual(['utveckla'])
    const links = flat.filter((token): token is Tokens.Link => token.type === 'link')
    expect(links.map(({ href, text }) => ({ href, text }))).toEqual([{ href: 'https://www.esf.se/', text: 'ESF-rådet' }])
    // Text that looks like syntax comes back as the same text, not as a link or emphasis.
    const linkParagraph = tokens.find((token): token is Tokens.Paragraph => token.type === 'paragraph' && token.raw.includes('ESF-rådet'))
    const plain = linkParagraph!.tokens.map((token) => ('text' in token ? String(token.text).replace(/\\(.)/g, '$1') : '')).join('')
    expect(plain).toBe('Läs mer hos ESF-rådet [sic] *inte fet*')
  })
})

describe('file names', () => {
  it('sends Swedish names as RFC 5987 UTF-8 with a plain ASCII fallback', async () => {
    const created = await call(server.url, 'POST', `/api/workspaces/${fixture.workspaceId}/documents`, fixture.coordinator.token, {
      template: 'fardplan',
      title: 'Färdplan "Vägen in" 50% (utkast); Åre',
    })
    expect(created.status).toBe(201)
    const response = await fetch(`${server.url}/api/documents/${created.body.id}/export?format=md`, {
      headers: { authorization: `Bearer ${fixture.coordinator.token}` },
    })
    const disposition = response.headers.get('content-disposition') ?? ''
    const match = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(.+)$/.exec(disposition)
    expect(match, disposition).not.toBeNull()
    const [, fallback, encoded] = match!
    // attr-chars and %XX only (RFC 5987), decoding to the name with å, ä, ö intact.
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+.^_`|~%-]+$/)
    expect(decodeURIComponent(encoded!)).toBe('Färdplan-Vägen-in-50-utkast-Åre.md')
    expect(fallback).toBe('Fardplan-Vagen-in-50-utkast-Are.md')
    expect(fallback).toMatch(/^[\x20-\x7e]+$/)
  })
})

describe('export with the färdplan table and the checks report', () => {
  let plan: { id: string; sections: Fixture['sections'] }

  beforeAll(async () => {
    const created = await call(server.url, 'POST', `/api/workspaces/${fixture.workspaceId}/documents`, fixture.coordinator.token, {
      template: 'fardplan',
      title: 'Färdplan Värmland',
    })
    expect(created.status).toBe(201)
    plan = created.body
    const writer = await newClient(server.wsUrl, plan.id, fixture.coordinator.token)
    const base = { description: '', status: 'planerad' as const, links: [], recurrence: null }
    addActivity(writer.doc, {
      ...base,
      title: 'Kartläggning | nuläge',
      owner: { kind: 'member', userId: fixture.coordinator.id, name: 'Gammalt namn' },
      start: '2025-03',
      end: '2025-05',
      phase: 'Analys',
    })
    addActivity(writer.doc, {
      ...base,
      title: 'Styrgruppsmöte',
      owner: { kind: 'external', name: 'Region Värmland' },
      start: '2025-01',
      end: '2025-12',
      status: 'pagar',
      phase: 'Genomförande',
      recurrence: { every: 'month' },
    })
    setProjectPeriod(writer.doc, projectPeriodSource(readSections(writer.doc))!, { start: '2025-01', end: '2026-06' })
    await waitFor(
      async () => (await (await exportPlanDocument('format=md&include=plan')).text()).includes('Styrgruppsmöte'),
      'server has the plan',
      10_000,
    )
    writer.destroy()
  })

  function exportPlanDocument(query: string, token = fixture.coordinator.token) {
    return fetch(`${server.url}/api/documents/${plan.id}/export?${query}`, { headers: { authorization: `Bearer ${token}` } })
  }

  it('appends the plan as a Word table with a header row and the checks report', async () => {
    const response = await exportPlanDocument('format=docx&include=plan,checks', reader.token)
    expect(response.status).toBe(200)
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await response.arrayBuffer()) })
    expect(html).toContain('<h2>Tids- och aktivitetsplan</h2>')
    expect(html).toContain('Projektperiod: januari 2025 – juni 2026')
    const table = /<table>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? ''
    // The header row is a real header (w:tblHeader), repeated on each page.
    expect(table).toMatch(/^<thead><tr>(<th>[\s\S]*?<\/th>){7}<\/tr><\/thead>/)
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...row[1]!.matchAll(/<t[hd]>(?:<p>)?(?:<strong>)?([\s\S]*?)(?:<\/strong>)?(?:<\/p>)?<\/t[hd]>/g)].map((cell) => cell[1]),
    )
    expect(rows).toEqual([
      ['Aktivitet', 'Ansvarig', 'Start', 'Slut', 'Status', 'Fas', 'Upprepas'],
      ['Styrgruppsmöte', 'Region Värmland (extern)', 'januari 2025', 'december 2025', 'Pågår', 'Genomförande', 'Varje månad'],
      // The member's current name, not the one stored with the activity.
      ['Kartläggning | nuläge', 'Samordnare Siv', 'mars 2025', 'maj 2025', 'Planerad', 'Analys', ''],
    ])
    expect(html).toContain('<h2>Kontrollrapport: Färdplan Värmland</h2>')
    expect(html).toMatch(/Samlad bedömning: (Inte klar|Väntar på granskning|Klar)/)
    expect(html).toContain('<h3>Jämställdhet</h3>')
  })

  it('appends the plan as a Markdown pipe table and the report as a section', async () => {
    const response = await exportPlanDocument('format=md&include=checks,plan')
    expect(response.status).toBe(200)
    const markdown = await response.text()
    const tokens = lexer(markdown)
    const table = tokens.find((token): token is Tokens.Table => token.type === 'table')
    expect(table?.header.map((cell) => cell.text)).toEqual(['Aktivitet', 'Ansvarig', 'Start', 'Slut', 'Status', 'Fas', 'Upprepas'])
    expect(table?.rows.map((row) => row.map((cell) => cell.text.replace(/\\(.)/g, '$1')))).toEqual([
      ['Styrgruppsmöte', 'Region Värmland (extern)', 'januari 2025', 'december 2025', 'Pågår', 'Genomförande', 'Varje månad'],
      ['Kartläggning | nuläge', 'Samordnare Siv', 'mars 2025', 'maj 2025', 'Planerad', 'Analys', ''],
    ])
    const headings = tokens.filter((token): token is Tokens.Heading => token.type === 'heading')
    // The plan and the report come after the sections, the report's groups one level below it.
    expect(headings.filter((heading) => heading.depth === 2).slice(-2).map((heading) => heading.text)).toEqual([
      'Tids- och aktivitetsplan',
      'Kontrollrapport: Färdplan Värmland',
    ])
    expect(headings.some((heading) => heading.depth === 3 && heading.text === 'Jämställdhet')).toBe(true)
    expect(markdown).toContain('**Samlad bedömning:**')
  })

  it('has the plan in a plain export of a färdplan, where it is the plan section content, but the report only when asked', async () => {
    const plain = await (await exportPlanDocument('format=md')).text()
    expect(plain).toContain('## Tids- och aktivitetsplan')
    expect(plain).toContain('Styrgruppsmöte')
    expect(plain).not.toContain('Kontrollrapport')
    const other = plan.sections.find((section) => section.key !== 'aktivitetsplan')!
    const oneSection = await (await exportPlanDocument(`format=md&section=${other.id}`)).text()
    expect(oneSection).not.toContain('Styrgruppsmöte')
  })

  it('names a download with additions apart from the plain one', async () => {
    const plain = (await exportPlanDocument('format=docx')).headers.get('content-disposition') ?? ''
    const extras = (await exportPlanDocument('format=docx&include=plan,checks')).headers.get('content-disposition') ?? ''
    expect(plain).toContain('filename="Fardplan-Varmland.docx"')
    expect(extras).toContain('filename="Fardplan-Varmland-med-tidsplan-och-kontrollrapport.docx"')
  })

  it('refuses unknown additions', async () => {
    const refused = await call(server.url, 'GET', `/api/documents/${plan.id}/export?format=md&include=plan,budget`, fixture.coordinator.token)
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe('unknown_include')
    expect(refused.body.error.message).toContain('budget')
  })
})
