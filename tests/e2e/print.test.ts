import type { Browser, Locator, Page } from 'playwright-core'
import { addActivity } from '@samskriv/plan'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newFixture, type Fixture } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { newClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture

/** A paragraph as y-prosemirror stores it: marks are attributes. */
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

function heading(text: string, level: number): Y.XmlElement {
  const element = new Y.XmlElement('heading')
  element.setAttribute('level', level as unknown as string)
  const content = new Y.XmlText()
  content.insert(0, text)
  element.insert(0, [content])
  return element
}

function bulletList(items: string[]): Y.XmlElement {
  const list = new Y.XmlElement('bulletList')
  list.insert(0, items.map((item) => {
    const listItem = new Y.XmlElement('listItem')
    listItem.insert(0, [paragraph([[item]])])
    return listItem
  }))
  return list
}

const SCRIPTED = '<img src=x onerror="window.__hacked=1">'

/** Rows in a section's `fields` table as the forms write them: a Y.Map per row, a key per cell. */
function addFieldRows(doc: Y.Doc, sectionId: string, listKey: string, rows: Array<Record<string, unknown>>): void {
  const entry = doc.getMap<Y.Map<unknown>>('fields').get(sectionId)!
  ;(entry.get(listKey) as Y.Array<Y.Map<unknown>>).push(rows.map((row) => new Y.Map(Object.entries(row))))
}

/** A table's rows (header, body and sums) as the text of their cells. */
function tableRows(table: Locator): Promise<string[][]> {
  return table.evaluate((element) =>
    Array.from((element as HTMLTableElement).rows, (row) => Array.from(row.cells, (cell) => cell.textContent ?? '')),
  )
}

const printSection = (page: Page, title: string) =>
  page.locator('.print-section', { has: page.getByRole('heading', { level: 2, name: title, exact: true }) })

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url, 'fardplan')
  const [first, second] = fixture.sections
  const writer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  writer.doc.transact(() => {
    writer.doc.getXmlFragment(`section:${first!.id}`).push([
      paragraph([['Färdplanen ska ', {}], ['stärka', { bold: {} }], [' samverkan i länet.', {}]]),
      heading('Vår vision', 1),
      bulletList(['Fler får stöd i tid', 'Ingen faller mellan stolarna']),
    ])
    writer.doc.getXmlFragment(`section:${second!.id}`).push([
      paragraph([['Läs mer hos ', {}], ['Finsam', { link: { href: 'https://www.finsam.se/' } }], ['. ' + SCRIPTED, {}]]),
    ])
  })
  const goals = fixture.sections.find((section) => section.key === 'mal')!
  writer.doc.transact(() => {
    writer.doc.getXmlFragment(`section:${goals.id}`).push([paragraph([['Målen följs upp varje halvår.']])])
    addFieldRows(writer.doc, goals.id, 'rows', [
      { goal: 'Fler får samordnat stöd', indicator: 'Antal personer i insatser', baseline: '120', target: 200, bySex: true },
    ])
  })
  addActivity(writer.doc, {
    title: 'Kartläggning av nuläget', description: '', owner: { kind: 'external', name: 'Region Värmland' },
    start: '2025-02', end: '2025-04', status: 'planerad', phase: 'Analys', links: [goals.id], recurrence: { every: 'month' },
  })
  await waitFor(
    async () => (await (await fetch(`${server.url}/api/documents/${fixture.documentId}/export?format=md&include=plan`, {
      headers: { authorization: `Bearer ${fixture.coordinator.token}` },
    })).text()).includes('Kartläggning av nuläget'),
    'server has the content',
    10_000,
  )
  writer.destroy()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function openPrintView(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage()
  await logIn(page, server.url, fixture.coordinator.email)
  await openDocument(page, server.url, fixture.documentId)
  await page.getByRole('link', { name: 'Utskrift / PDF' }).click()
  await page.waitForURL(`**/d/${fixture.documentId}/utskrift`)
  await page.getByRole('heading', { level: 1, name: 'Ansökan' }).waitFor({ timeout: 10_000 })
  await page.getByRole('table', { name: 'Tids- och aktivitetsplan' }).waitFor({ timeout: 10_000 })
  return page
}

describe('the print view', () => {
  it('shows the whole document with section headings, its text and the plan table, and never runs user text as HTML', async () => {
    const page = await openPrintView()
    const sectionHeadings = await page.locator('.print-document h2').allTextContents()
    // The plan is its section's content, not a section of its own at the end.
    expect(sectionHeadings).toEqual(fixture.sections.map((section) => section.title))
    // Headings inside a section sit below the section's h2.
    expect(await page.getByRole('heading', { level: 3, name: 'Vår vision' }).count()).toBe(1)
    expect(await page.locator('.print-document strong', { hasText: 'stärka' }).count()).toBe(1)
    expect(await page.locator('.print-document li').allTextContents()).toEqual(['Fler får stöd i tid', 'Ingen faller mellan stolarna'])
    expect(await page.getByRole('link', { name: 'Finsam' }).getAttribute('href')).toBe('https://www.finsam.se/')
    // Markup typed as text stays text.
    expect(await page.locator('.print-document').textContent()).toContain(SCRIPTED)
    expect(await page.locator('.print-document img').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined()

    // The plan's table sits in the plan's section, with the exports' columns.
    const goalsTitle = fixture.sections.find((section) => section.key === 'mal')!.title
    const planSection = printSection(page, fixture.sections.find((section) => section.key === 'aktivitetsplan')!.title)
    expect(await planSection.getByRole('table').count()).toBe(1)
    expect(await tableRows(planSection.getByRole('table', { name: 'Tids- och aktivitetsplan' }))).toEqual([
      ['Aktivitet', 'Ansvarig', 'Start', 'Slut', 'Status', 'Fas', 'Upprepas', 'Kopplade avsnitt'],
      ['Kartläggning av nuläget', 'Region Värmland (extern)', 'februari 2025', 'april 2025', 'Planerad', 'Analys', 'Varje månad', goalsTitle],
    ])
    expect(await page.getByRole('table', { name: 'Tids- och aktivitetsplan' }).count()).toBe(1)

    // The indicator table under its section's text.
    const goals = printSection(page, goalsTitle)
    expect(await goals.getByRole('table').count()).toBe(1)
    expect(await tableRows(goals.getByRole('table', { name: 'Indikatorer' }))).toEqual([
      ['Mål', 'Indikator', 'Utgångsläge', 'Målvärde', 'Redovisas per kön'],
      ['Fler får samordnat stöd', 'Antal personer i insatser', '120', '200', 'Ja'],
    ])
    expect(await goals.locator('p, table').evaluateAll((elements) => elements.map((element) => element.tagName))).toEqual(['P', 'TABLE'])
    expect(await seriousViolations(page)).toEqual([])
  })

  it('at 400 px wide the page does not scroll sideways: wide tables scroll in regions a keyboard can reach (WCAG 1.4.10)', async () => {
    const page = await openPrintView({ width: 400, height: 800 })
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }))
    expect(scrollWidth - clientWidth).toBe(0)
    // The plan's eight columns do not fit: its table scrolls inside a focusable region named after it.
    const region = page.getByRole('region', { name: 'Tids- och aktivitetsplan' })
    expect(await region.getAttribute('tabindex')).toBe('0')
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true)
    expect(await page.getByRole('region', { name: 'Indikatorer', exact: true }).count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])
    await page.context().close()
  })

  it('prints through the browser’s dialog, hides the app’s chrome on paper and makes a PDF', async () => {
    const page = await openPrintView()
    const button = page.getByRole('button', { name: 'Skriv ut / spara som PDF' })
    // window.print opens a dialog that headless chromium cannot show: count the calls instead.
    await page.evaluate(() => {
      const counter = window as unknown as { __prints: number }
      counter.__prints = 0
      window.print = () => {
        counter.__prints++
      }
    })
    await button.click()
    expect(await page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1)

    expect(await button.isVisible()).toBe(true)
    expect(await page.locator('.app-header').isVisible()).toBe(true)
    await page.emulateMedia({ media: 'print' })
    expect(await button.isVisible()).toBe(false)
    expect(await page.locator('.app-header').isVisible()).toBe(false)
    expect(await page.getByRole('link', { name: 'Tillbaka till dokumentet' }).isVisible()).toBe(false)
    expect(await page.getByRole('heading', { level: 1, name: 'Ansökan' }).isVisible()).toBe(true)
    expect(await page.getByRole('heading', { level: 2, name: fixture.sections[0]!.title }).isVisible()).toBe(true)
    // The plan's section starts on a page of its own; a table's header row repeats on every page.
    const planTitle = fixture.sections.find((section) => section.key === 'aktivitetsplan')!.title
    expect(await printSection(page, planTitle).evaluate((element) => getComputedStyle(element).breakBefore)).toBe('page')
    const heads = await page.locator('.print-document thead').evaluateAll((elements) => elements.map((element) => getComputedStyle(element).display))
    expect(heads).toEqual(['table-header-group', 'table-header-group'])

    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(8_000)
    // Title page plus the plan on its own page: at least two pages.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(2)
  })
})

describe('the print view of an ESF+ idea', () => {
  it('shows the overview, participants and budget under their sections, as the exports do', async () => {
    const esf = await newFixture(server.url, 'esf-projektide')
    const id = (key: string) => esf.sections.find((section) => section.key === key)!.id
    const title = (key: string) => esf.sections.find((section) => section.key === key)!.title
    const writer = await newClient(server.wsUrl, esf.documentId, esf.coordinator.token)
    writer.doc.transact(() => {
      const fields = writer.doc.getMap<Y.Map<unknown>>('fields')
      fields.get(id('oversikt'))!.set('name', 'Vägen in')
      fields.get(id('oversikt'))!.set('start', '2025-01-01')
      for (const [key, value] of Object.entries({ women: 1200, men: 1150, total: 2350 })) fields.get(id('deltagare'))!.set(key, value)
      writer.doc.getXmlFragment(`section:${id('deltagare')}`).push([paragraph([['Deltagarna kommer från fyra kommuner.']])])
      addFieldRows(writer.doc, id('budget'), 'rows', [{ label: 'Lön', year: '2025', amount: 1000000 }])
      addFieldRows(writer.doc, id('budget'), 'financing', [
        { funder: 'ESF+', amount: 540000, esf: true },
        { funder: 'Kommunen', amount: 460000 },
      ])
    })
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, esf.coordinator.email)
    await page.goto(`${server.url}/d/${esf.documentId}/utskrift`)
    await page.getByRole('table', { name: 'Kostnader' }).waitFor({ timeout: 10_000 })
    writer.destroy()

    const overview = printSection(page, title('oversikt'))
    expect(await overview.locator('dt').allTextContents()).toContain('Projektets namn')
    expect(await overview.locator('dd').allTextContents()).toEqual(['Vägen in', 'ej ifyllt', 'ej ifyllt', 'ej ifyllt', 'ej ifyllt', '2025-01-01', 'ej ifyllt'])

    const participants = printSection(page, title('deltagare'))
    const nb = (text: string) => text.replace(/ /g, '\u00a0')
    expect(await tableRows(participants.getByRole('table', { name: 'Planerat antal deltagare' }))).toEqual([
      ['Antal kvinnor', 'Antal män', 'Totalt antal deltagare'],
      [nb('1 200'), nb('1 150'), nb('2 350')],
    ])
    // The counts are the answer: above the text.
    expect(await participants.locator('p, table').evaluateAll((elements) => elements.map((element) => element.tagName))).toEqual(['TABLE', 'P'])

    const budget = printSection(page, title('budget'))
    expect(await tableRows(budget.getByRole('table', { name: 'Kostnader' }))).toEqual([
      ['Kostnadsslag', 'År', 'Belopp (kr)'],
      ['Lön', '2025', nb('1 000 000')],
      ['Summa kostnader', '', nb('1 000 000')],
    ])
    expect(await tableRows(budget.getByRole('table', { name: 'Finansiering' }))).toEqual([
      ['Finansiär', 'Belopp (kr)', 'ESF+-stöd'],
      ['ESF+', nb('540 000'), 'Ja'],
      ['Kommunen', nb('460 000'), 'Nej'],
      ['Summa finansiering', nb('1 000 000'), ''],
      ['Varav ESF+-stöd', nb('540 000'), ''],
    ])
    expect(await budget.locator('dd').allTextContents()).toEqual(['46,0 %'])
    // The English summary's text, not its Swedish heading, is marked English (WCAG 3.1.2).
    const summary = printSection(page, title('summary-en'))
    expect(await summary.locator('[lang="en"]').count()).toBe(1)
    expect(await summary.getByRole('heading').first().evaluate((element) => element.closest('[lang]')?.getAttribute('lang'))).not.toBe('en')
    expect(await seriousViolations(page)).toEqual([])
    await page.context().close()
  })
})

describe('the print view of a document the user cannot open', () => {
  it('says so, with a link to the start page, for another workspace’s document and one that does not exist', async () => {
    const other = await newFixture(server.url, 'fardplan')
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, fixture.coordinator.email)
    for (const id of [other.documentId, '00000000-0000-4000-8000-000000000000']) {
      await page.goto(`${server.url}/d/${id}/utskrift`)
      await page.getByRole('heading', { level: 1, name: 'Dokumentet finns inte' }).waitFor({ timeout: 10_000 })
      expect(await page.getByRole('main').textContent()).toContain('Dokumentet finns inte eller så har du inte längre åtkomst till det.')
      expect(await page.getByText('Hämtar dokumentet…').count()).toBe(0)
      expect(await page.getByRole('button', { name: 'Skriv ut / spara som PDF' }).count()).toBe(0)
      expect(await page.getByRole('link', { name: 'Till startsidan' }).getAttribute('href')).toBe('/')
    }
    expect(await seriousViolations(page)).toEqual([])
    await page.context().close()
  })
})
