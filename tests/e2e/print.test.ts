import type { Browser, Page } from 'playwright-core'
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
  addActivity(writer.doc, {
    title: 'Kartläggning av nuläget', description: '', owner: { kind: 'external', name: 'Region Värmland' },
    start: '2025-02', end: '2025-04', status: 'planerad', phase: 'Analys', links: [], recurrence: null,
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

async function openPrintView(): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await logIn(page, server.url, fixture.coordinator.email)
  await openDocument(page, server.url, fixture.documentId)
  await page.getByRole('link', { name: 'Utskrift / PDF' }).click()
  await page.waitForURL(`**/d/${fixture.documentId}/utskrift`)
  await page.getByRole('heading', { level: 1, name: 'Ansökan' }).waitFor({ timeout: 10_000 })
  await page.getByRole('heading', { level: 2, name: 'Tids- och aktivitetsplan' }).waitFor({ timeout: 10_000 })
  return page
}

describe('the print view', () => {
  it('shows the whole document with section headings, its text and the plan table, and never runs user text as HTML', async () => {
    const page = await openPrintView()
    const sectionHeadings = await page.locator('.print-document h2').allTextContents()
    expect(sectionHeadings).toEqual([...fixture.sections.map((section) => section.title), 'Tids- och aktivitetsplan'])
    // Headings inside a section sit below the section's h2.
    expect(await page.getByRole('heading', { level: 3, name: 'Vår vision' }).count()).toBe(1)
    expect(await page.locator('.print-document strong', { hasText: 'stärka' }).count()).toBe(1)
    expect(await page.locator('.print-document li').allTextContents()).toEqual(['Fler får stöd i tid', 'Ingen faller mellan stolarna'])
    expect(await page.getByRole('link', { name: 'Finsam' }).getAttribute('href')).toBe('https://www.finsam.se/')
    // Markup typed as text stays text.
    expect(await page.locator('.print-document').textContent()).toContain(SCRIPTED)
    expect(await page.locator('.print-document img').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined()

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Kartläggning av nuläget' }) })
    expect(await row.locator('td').allTextContents()).toEqual(['Region Värmland (extern)', 'februari 2025', 'april 2025', 'Planerad', 'Analys'])
    expect(await seriousViolations(page)).toEqual([])
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
    // The plan starts on a page of its own; its header row repeats on every page.
    expect(await page.locator('.print-plan').evaluate((element) => getComputedStyle(element).breakBefore)).toBe('page')
    expect(await page.locator('.print-plan__table thead').evaluate((element) => getComputedStyle(element).display)).toBe('table-header-group')

    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(8_000)
    // Title page plus the plan on its own page: at least two pages.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(2)
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
