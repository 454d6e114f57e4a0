import { addActivity, projectPeriodSource, setProjectPeriod } from '@samskriv/plan'
import { readSections } from '@samskriv/schema'
import mammoth from 'mammoth'
import { inflateRawSync } from 'node:zlib'
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

/** One file out of a zip archive (a .docx is one), read through its central directory. */
function unzipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  let at = zip.readUInt32LE(end + 16)
  for (let entry = 0; entry < zip.readUInt16LE(end + 10); entry++) {
    const nameLength = zip.readUInt16LE(at + 28)
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const local = zip.readUInt32LE(at + 42)
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      const data = zip.subarray(start, start + zip.readUInt32LE(at + 20))
      return (zip.readUInt16LE(at + 10) === 8 ? inflateRawSync(data) : data).toString('utf8')
    }
    at = next
  }
  throw new Error(`${name} is not in the archive`)
}

/** What word/document.xml's body holds, in order: headings, paragraphs and tables, as text. */
type DocxElement = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; text: string } | { kind: 'table'; header: boolean; rows: string[][] }

function docxText(xml: string): string {
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => unescape(match[1]!)).join('')
}

async function docxBody(response: Response): Promise<DocxElement[]> {
  const xml = unzipEntry(Buffer.from(await response.arrayBuffer()), 'word/document.xml')
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p\b[\s\S]*?<\/w:p>/g)].map(([element]): DocxElement => {
    if (element.startsWith('<w:tbl>')) {
      const rows = [...element.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map(([row]) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) => docxText(cell)))
      return { kind: 'table', header: element.includes('<w:tblHeader/>'), rows }
    }
    const heading = /<w:pStyle w:val="Heading(\d)"\/>/.exec(element)
    return heading ? { kind: 'heading', level: Number(heading[1]), text: docxText(element) } : { kind: 'paragraph', text: docxText(element) }
  })
}

/** The body under the level-2 heading `title`, up to the next level-2 heading. */
function docxSection(body: readonly DocxElement[], title: string): DocxElement[] {
  const start = body.findIndex((element) => element.kind === 'heading' && element.level === 2 && element.text === title)
  if (start < 0) throw new Error(`no section ${title}`)
  const end = body.findIndex((element, index) => index > start && element.kind === 'heading' && element.level === 2)
  return body.slice(start + 1, end < 0 ? undefined : end)
}

const docxTables = (elements: readonly DocxElement[]) =>
  elements.filter((element): element is Extract<DocxElement, { kind: 'table' }> => element.kind === 'table').map((table) => table.rows)

/** The Markdown tokens under the `## title` heading, up to the next level-2 heading. */
function markdownSection(tokens: readonly Token[], title: string): Token[] {
  const isH2 = (token: Token) => token.type === 'heading' && (token as Tokens.Heading).depth === 2
  const start = tokens.findIndex((token) => isH2(token) && (token as Tokens.Heading).text === title)
  if (start < 0) throw new Error(`no section ${title}`)
  const end = tokens.findIndex((token, index) => index > start && isH2(token))
  return tokens.slice(start + 1, end < 0 ? undefined : end)
}

/** A Markdown table's header and rows as plain text (escapes and bold taken away). */
const markdownTables = (tokens: readonly Token[]) =>
  tokens
    .filter((token): token is Tokens.Table => token.type === 'table')
    .map((table) => [table.header, ...table.rows].map((row) => row.map((cell) => cell.text.replace(/\\(.)/g, '$1').replace(/^\*\*(.*)\*\*$/, '$1'))))

const nbsp = (text: string) => text.replace(/ /g, '\u00a0')

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

  it('marks the Word document Swedish and the English summary English (WCAG 3.1.2)', async () => {
    const summary = fixture.sections.find((section) => section.key === 'summary-en')!
    const writer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    writer.doc.getXmlFragment(`section:${summary.id}`).push([paragraph([['The project builds bridges to work.', {}]])])
    await waitFor(async () => (await (await exportDocument('format=md')).text()).includes('builds bridges'), 'server has the summary', 10_000)
    writer.destroy()
    const zip = Buffer.from(await (await exportDocument('format=docx')).arrayBuffer())
    expect(unzipEntry(zip, 'word/styles.xml')).toMatch(/<w:docDefaults>.*<w:lang w:val="sv-SE"\/>.*<\/w:docDefaults>/s)
    const runs = unzipEntry(zip, 'word/document.xml').match(/<w:r>.*?<\/w:r>/gs) ?? []
    const english = runs.find((run) => run.includes('builds bridges'))
    const swedish = runs.find((run) => run.includes('regionen.'))
    expect(english).toContain('<w:lang w:val="en-GB"/>')
    expect(swedish).toBeDefined()
    expect(swedish).not.toContain('<w:lang')
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

/** Adds rows to a table of a section's `fields` entry as the forms do: one Y.Map per row, one key per cell. */
function addFieldRows(doc: Y.Doc, sectionId: string, listKey: string, rows: Array<Record<string, unknown>>): void {
  const entry = doc.getMap<Y.Map<unknown>>('fields').get(sectionId)!
  ;(entry.get(listKey) as Y.Array<Y.Map<unknown>>).push(rows.map((row) => new Y.Map(Object.entries(row))))
}

function setFields(doc: Y.Doc, sectionId: string, values: Record<string, unknown>): void {
  const entry = doc.getMap<Y.Map<unknown>>('fields').get(sectionId)!
  for (const [key, value] of Object.entries(values)) entry.set(key, value)
}

const PLAN_HEADERS = ['Aktivitet', 'Ansvarig', 'Start', 'Slut', 'Status', 'Fas', 'Upprepas', 'Kopplade avsnitt']

describe('export with the färdplan table and the checks report', () => {
  let plan: { id: string; sections: Fixture['sections'] }
  const sectionTitle = (key: string) => plan.sections.find((section) => section.key === key)!.title

  beforeAll(async () => {
    const created = await call(server.url, 'POST', `/api/workspaces/${fixture.workspaceId}/documents`, fixture.coordinator.token, {
      template: 'fardplan',
      title: 'Färdplan Värmland',
    })
    expect(created.status).toBe(201)
    plan = created.body
    const sectionId = (key: string) => plan.sections.find((section) => section.key === key)!.id
    const writer = await newClient(server.wsUrl, plan.id, fixture.coordinator.token)
    const base = { description: '', status: 'planerad' as const, links: [], recurrence: null }
    addActivity(writer.doc, {
      ...base,
      title: 'Kartläggning | nuläge',
      owner: { kind: 'member', userId: fixture.coordinator.id, name: 'Gammalt namn' },
      start: '2025-03',
      end: '2025-05',
      phase: 'Analys',
      links: [sectionId('mal'), sectionId('nulage')],
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
    writer.doc.transact(() => {
      writer.doc.getXmlFragment(`section:${sectionId('mal')}`).push([paragraph([['Fler ska få samordnat stöd.']])])
      addFieldRows(writer.doc, sectionId('mal'), 'rows', [
        { goal: 'Fler får samordnat stöd', indicator: 'Antal personer i insatser', baseline: '120', target: 200, bySex: true },
        { goal: 'Kortare väntetid', indicator: 'Dagar till första möte', baseline: '45', target: '20' },
      ])
    })
    await waitFor(
      async () => {
        const markdown = await (await exportPlanDocument('format=md&include=plan')).text()
        return markdown.includes('Styrgruppsmöte') && markdown.includes('Kortare väntetid')
      },
      'server has the plan and the indicators',
      10_000,
    )
    writer.destroy()
  })

  function exportPlanDocument(query: string, token = fixture.coordinator.token) {
    return fetch(`${server.url}/api/documents/${plan.id}/export?${query}`, { headers: { authorization: `Bearer ${token}` } })
  }

  const planRows = () => [
    ['Styrgruppsmöte', 'Region Värmland (extern)', 'januari 2025', 'december 2025', 'Pågår', 'Genomförande', 'Varje månad', ''],
    // The member's current name, not the one stored with the activity; links by the sections' titles.
    ['Kartläggning | nuläge', 'Samordnare Siv', 'mars 2025', 'maj 2025', 'Planerad', 'Analys', '', `${sectionTitle('mal')}; ${sectionTitle('nulage')}`],
  ]
  const indicatorRows = [
    ['Mål', 'Indikator', 'Utgångsläge', 'Målvärde', 'Redovisas per kön'],
    ['Fler får samordnat stöd', 'Antal personer i insatser', '120', '200', 'Ja'],
    ['Kortare väntetid', 'Dagar till första möte', '45', '20', 'Nej'],
  ]

  it('puts the plan as a Word table under its section, and the indicator table under its text, then the checks report', async () => {
    const response = await exportPlanDocument('format=docx&include=plan,checks', reader.token)
    expect(response.status).toBe(200)
    const body = await docxBody(response)
    const planSection = docxSection(body, sectionTitle('aktivitetsplan'))
    expect(planSection.filter((element) => element.kind === 'paragraph').map((element) => element.text)).toContain('Projektperiod: januari 2025 – juni 2026')
    const [table, ...others] = planSection.filter((element) => element.kind === 'table')
    expect(others).toEqual([])
    // The header row is a real header (w:tblHeader), repeated on each page.
    expect(table).toEqual({ kind: 'table', header: true, rows: [PLAN_HEADERS, ...planRows()] })
    // Nowhere else: not at the end, not under a heading of its own.
    expect(body.filter((element) => element.kind === 'table' && element.rows[0]?.[0] === 'Aktivitet')).toHaveLength(1)
    expect(body.some((element) => element.kind === 'heading' && element.text === 'Tids- och aktivitetsplan')).toBe(false)

    const goals = docxSection(body, sectionTitle('mal'))
    expect(docxTables(goals)).toEqual([indicatorRows])
    // Under the text, as the document page shows the form.
    expect(goals.findIndex((element) => element.kind === 'paragraph' && element.text === 'Fler ska få samordnat stöd.')).toBeLessThan(
      goals.findIndex((element) => element.kind === 'table'),
    )

    const headings = body.filter((element) => element.kind === 'heading' && element.level === 2).map((element) => (element as { text: string }).text)
    expect(headings.at(-1)).toBe('Kontrollrapport: Färdplan Värmland')
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await (await exportPlanDocument('format=docx&include=plan,checks')).arrayBuffer()) })
    expect(html).toMatch(/Samlad bedömning: (Inte klar|Väntar på granskning|Klar)/)
    expect(html).toContain('<h3>Jämställdhet</h3>')
  })

  it('puts the plan as a Markdown pipe table under its section, the indicators under theirs, and the report last', async () => {
    const response = await exportPlanDocument('format=md&include=checks,plan')
    expect(response.status).toBe(200)
    const markdown = await response.text()
    const tokens = lexer(markdown)
    const planSection = markdownSection(tokens, sectionTitle('aktivitetsplan'))
    expect(markdownTables(planSection)).toEqual([[PLAN_HEADERS, ...planRows()]])
    expect(planSection.some((token) => token.type === 'paragraph' && token.text === 'Projektperiod: januari 2025 – juni 2026')).toBe(true)
    expect(markdownTables(tokens).filter((table) => table[0]![0] === 'Aktivitet')).toHaveLength(1)

    const goals = markdownSection(tokens, sectionTitle('mal'))
    expect(markdownTables(goals)).toEqual([indicatorRows])
    expect(goals.findIndex((token) => token.type === 'paragraph' && token.text === 'Fler ska få samordnat stöd.')).toBeLessThan(
      goals.findIndex((token) => token.type === 'table'),
    )

    const headings = tokens.filter((token): token is Tokens.Heading => token.type === 'heading')
    // The report comes after the sections, its groups one level below it; the plan has no heading of its own.
    expect(headings.filter((heading) => heading.depth === 2).map((heading) => heading.text)).toEqual([
      ...plan.sections.map((section) => section.title),
      'Kontrollrapport: Färdplan Värmland',
    ])
    expect(headings.some((heading) => heading.depth === 3 && heading.text === 'Jämställdhet')).toBe(true)
    expect(markdown).toContain('**Samlad bedömning:**')
  })

  it('has the plan in a plain export of a färdplan, where it is the plan section content, but the report only when asked', async () => {
    const plain = await (await exportPlanDocument('format=md')).text()
    expect(markdownTables(markdownSection(lexer(plain), sectionTitle('aktivitetsplan')))[0]?.[1]?.[0]).toBe('Styrgruppsmöte')
    expect(plain).not.toContain('Kontrollrapport')
    const other = plan.sections.find((section) => section.key === 'syfte')!
    const oneSection = await (await exportPlanDocument(`format=md&section=${other.id}`)).text()
    expect(oneSection).not.toContain('Styrgruppsmöte')
    // The plan section alone holds its table; another section alone with include=plan has it last, under its own heading.
    const planAlone = lexer(await (await exportPlanDocument(`format=md&section=${plan.sections.find((section) => section.key === 'aktivitetsplan')!.id}`)).text())
    expect(markdownTables(markdownSection(planAlone, sectionTitle('aktivitetsplan')))).toHaveLength(1)
    const withPlan = lexer(await (await exportPlanDocument(`format=md&section=${other.id}&include=plan`)).text())
    expect(markdownTables(markdownSection(withPlan, 'Tids- och aktivitetsplan'))[0]?.[0]).toEqual(PLAN_HEADERS)
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

describe('export of a document without a plan section', () => {
  it('appends the plan asked for at the end, under a heading of its own, in Word and Markdown', async () => {
    const created = await call(server.url, 'POST', `/api/workspaces/${fixture.workspaceId}/documents`, fixture.coordinator.token, {
      template: 'horisontell-analys',
      title: 'Analys',
    })
    expect(created.status).toBe(201)
    const sections: Fixture['sections'] = created.body.sections
    const get = (query: string) =>
      fetch(`${server.url}/api/documents/${created.body.id}/export?${query}`, { headers: { authorization: `Bearer ${fixture.coordinator.token}` } })

    const tokens = lexer(await (await get('format=md&include=plan')).text())
    const h2 = tokens.filter((token): token is Tokens.Heading => token.type === 'heading' && token.depth === 2).map((heading) => heading.text)
    expect(h2.slice(sections.length - 1, sections.length + 1)).toEqual([sections.at(-1)!.title, 'Tids- och aktivitetsplan'])
    expect(markdownSection(tokens, 'Tids- och aktivitetsplan').some((token) => token.type === 'paragraph' && token.text === 'Planen har inga aktiviteter.')).toBe(true)

    const body = await docxBody(await get('format=docx&include=plan'))
    const headings = body.filter((element) => element.kind === 'heading' && element.level === 2).map((element) => (element as { text: string }).text)
    expect(headings.at(-1)).toBe('Tids- och aktivitetsplan')
    expect(docxSection(body, 'Tids- och aktivitetsplan')).toEqual([{ kind: 'paragraph', text: 'Planen har inga aktiviteter.' }])
  })
})

describe('export of an ESF+ idea’s structured values', () => {
  let document: { id: string; sections: Fixture['sections'] }
  const titleOf = (key: string) => document.sections.find((section) => section.key === key)!.title
  const get = (query: string) =>
    fetch(`${server.url}/api/documents/${document.id}/export?${query}`, { headers: { authorization: `Bearer ${fixture.coordinator.token}` } })

  beforeAll(async () => {
    const created = await call(server.url, 'POST', `/api/workspaces/${fixture.workspaceId}/documents`, fixture.coordinator.token, {
      template: 'esf-projektide',
      title: 'Vägen in',
    })
    expect(created.status).toBe(201)
    document = created.body
    const id = (key: string) => document.sections.find((section) => section.key === key)!.id
    const writer = await newClient(server.wsUrl, document.id, fixture.coordinator.token)
    writer.doc.transact(() => {
      setFields(writer.doc, id('oversikt'), { name: 'Vägen in | steg två', owner: 'Samordningsförbundet Östra Mälardalen', start: '2025-01-01', end: '2026-06-30' })
      setFields(writer.doc, id('deltagare'), { women: 1200, men: 1150, total: 2350 })
      writer.doc.getXmlFragment(`section:${id('deltagare')}`).push([paragraph([['Deltagarna kommer från fyra kommuner.']])])
      addFieldRows(writer.doc, id('budget'), 'rows', [
        { label: 'Lön projektledare', year: '2025', amount: 600000 },
        { label: 'Teckenspråkstolk', year: '2026', amount: 400000 },
      ])
      addFieldRows(writer.doc, id('budget'), 'financing', [
        { funder: 'ESF+', amount: 540000, esf: true },
        { funder: 'Samordningsförbundet', amount: 460000 },
      ])
      setFields(writer.doc, id('budget'), { requiredCofinancingPercent: 46 })
      addFieldRows(writer.doc, id('indikatorer'), 'rows', [{ goal: 'Fler i arbete', indicator: 'Andel i arbete efter 6 mån', baseline: '20 %', target: '35 %', bySex: true }])
    })
    addActivity(writer.doc, {
      title: 'Rekrytering',
      description: '',
      owner: { kind: 'external', name: 'Arbetsförmedlingen' },
      start: '2025-01',
      end: '2025-03',
      status: 'planerad',
      phase: 'Inledande fas',
      links: [id('deltagare')],
      recurrence: null,
    })
    await waitFor(async () => (await (await get('format=md')).text()).includes('Andel i arbete'), 'server has the values', 10_000)
    writer.destroy()
  })

  const participants = [['Antal kvinnor', 'Antal män', 'Totalt antal deltagare'], [nbsp('1 200'), nbsp('1 150'), nbsp('2 350')]]
  const costs = [
    ['Kostnadsslag', 'År', 'Belopp (kr)'],
    ['Lön projektledare', '2025', nbsp('600 000')],
    ['Teckenspråkstolk', '2026', nbsp('400 000')],
    ['Summa kostnader', '', nbsp('1 000 000')],
  ]
  const financing = [
    ['Finansiär', 'Belopp (kr)', 'ESF+-stöd'],
    ['ESF+', nbsp('540 000'), 'Ja'],
    ['Samordningsförbundet', nbsp('460 000'), 'Nej'],
    ['Summa finansiering', nbsp('1 000 000'), ''],
    ['Varav ESF+-stöd', nbsp('540 000'), ''],
  ]
  const indicators = [
    ['Mål', 'Indikator', 'Utgångsläge', 'Målvärde', 'Redovisas per kön'],
    ['Fler i arbete', 'Andel i arbete efter 6 mån', '20 %', '35 %', 'Ja'],
  ]

  it('writes overview, participants, budget and indicators under their sections in Word', async () => {
    const body = await docxBody(await get('format=docx'))
    const overview = docxSection(body, titleOf('oversikt'))
    expect(overview.filter((element) => element.kind === 'paragraph').map((element) => element.text)).toEqual(
      expect.arrayContaining([
        'Uppgifter om projektet',
        'Projektets namn: Vägen in | steg två',
        'Projektägare: Samordningsförbundet Östra Mälardalen',
        'Ansvarigt arbetsställe: ej ifyllt',
        'Startdatum: 2025-01-01',
        'Slutdatum: 2026-06-30',
      ]),
    )
    const participantsSection = docxSection(body, titleOf('deltagare'))
    expect(docxTables(participantsSection)).toEqual([participants])
    // The counts are the answer: above the text, as the document page shows the form.
    expect(participantsSection.findIndex((element) => element.kind === 'table')).toBeLessThan(
      participantsSection.findIndex((element) => element.kind === 'paragraph' && element.text === 'Deltagarna kommer från fyra kommuner.'),
    )
    const budget = docxSection(body, titleOf('budget'))
    expect(docxTables(budget)).toEqual([costs, financing])
    expect(budget.filter((element) => element.kind === 'paragraph').map((element) => element.text)).toEqual(
      expect.arrayContaining(['Kostnader', 'Finansiering', 'Medfinansiering', 'Andel som inte är ESF+-stöd: 46,0 %', 'Utlysningens krav: 46 %']),
    )
    expect(docxTables(docxSection(body, titleOf('indikatorer')))).toEqual([indicators])
    // The ESF+ time plan is its section's content too, with the project period from the overview.
    const planSection = docxSection(body, titleOf('tidsplan'))
    expect(planSection.some((element) => element.kind === 'paragraph' && element.text === 'Projektperiod: januari 2025 – juni 2026')).toBe(true)
    expect(docxTables(planSection)).toEqual([
      [PLAN_HEADERS, ['Rekrytering', 'Arbetsförmedlingen (extern)', 'januari 2025', 'mars 2025', 'Planerad', 'Inledande fas', '', titleOf('deltagare')]],
    ])
  })

  it('writes the same values under their sections in Markdown', async () => {
    const tokens = lexer(await (await get('format=md')).text())
    const overview = markdownSection(tokens, titleOf('oversikt'))
    const list = overview.find((token): token is Tokens.List => token.type === 'list')
    expect(list?.items.map((item) => item.text.replace(/\\(.)/g, '$1'))).toEqual([
      '**Projektets namn:** Vägen in | steg två',
      '**Projektägare:** Samordningsförbundet Östra Mälardalen',
      '**Ansvarigt arbetsställe:** ej ifyllt',
      '**Regioner som berörs:** ej ifyllt',
      '**Utlysning eller programområde:** ej ifyllt',
      '**Startdatum:** 2025-01-01',
      '**Slutdatum:** 2026-06-30',
    ])
    const participantsSection = markdownSection(tokens, titleOf('deltagare'))
    expect(markdownTables(participantsSection)).toEqual([participants])
    expect(participantsSection.findIndex((token) => token.type === 'table')).toBeLessThan(
      participantsSection.findIndex((token) => token.type === 'paragraph' && token.text === 'Deltagarna kommer från fyra kommuner.'),
    )
    const budget = markdownSection(tokens, titleOf('budget'))
    expect(markdownTables(budget)).toEqual([costs, financing])
    // Amounts are aligned right.
    expect(budget.find((token): token is Tokens.Table => token.type === 'table')?.align).toEqual([null, null, 'right'])
    expect(budget.some((token) => token.type === 'list' && token.raw.includes('Andel som inte är ESF+-stöd:** 46,0 %'))).toBe(true)
    expect(markdownTables(markdownSection(tokens, titleOf('indikatorer')))).toEqual([indicators])
    expect(markdownTables(markdownSection(tokens, titleOf('tidsplan')))[0]?.[1]?.[0]).toBe('Rekrytering')
  })
})
