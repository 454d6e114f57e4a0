import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { RawClient } from '../utils/rawClient.ts'
import * as Y from 'yjs'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture
let analyst: TestUser

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url, 'fardplan')
  analyst = await fixture.addMember('analyst', 'Anna Analytiker')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** The y-websocket frames a page sends that write to the document (sync messages: step 2 and update). */
interface SocketLog {
  sockets: number
  writes: number[][]
}

function watchSockets(page: Page): SocketLog {
  const log: SocketLog = { sockets: 0, writes: [] }
  page.on('websocket', (socket) => {
    log.sockets++
    socket.on('framesent', ({ payload }) => {
      if (typeof payload === 'string') return
      const bytes = [...payload]
      // An empty update (no structs, no deletions) in a step 2 writes nothing.
      const emptyStep2 =
        bytes.length === 5 &&
        bytes[0] === 0 &&
        bytes[1] === 1 &&
        bytes[2] === 2 &&
        bytes[3] === 0 &&
        bytes[4] === 0
      if (bytes[0] === 0 && (bytes[1] === 1 || bytes[1] === 2) && !emptyStep2)
        log.writes.push(bytes)
    })
  })
  return log
}

/** The section's text without the other people's carets (their names are drawn in it). */
function textOf(page: Page, title: string): Promise<string> {
  return page.getByRole('textbox', { name: title, exact: true }).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement
    copy
      .querySelectorAll('.collaboration-carets__caret, .readonly-caret')
      .forEach((caret) => caret.remove())
    return copy.textContent ?? ''
  })
}

async function open(email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await logIn(page, server.url, email)
  await openDocument(page, server.url, fixture.documentId)
  return page
}

describe('an analyst comments with the keyboard alone', () => {
  it('tabs into read-only text, selects words with Shift+arrows, comments; the comment is anchored for others and no text is written', async () => {
    const section = fixture.sections[0]!
    const editorOf = (page: Page) => page.getByRole('textbox', { name: section.title, exact: true })
    const coordinator = await open(fixture.coordinator.email)
    await expect
      .poll(() => editorOf(coordinator).getAttribute('contenteditable'), { timeout: 10_000 })
      .toBe('true')
    await editorOf(coordinator).click()
    await coordinator.keyboard.type('Vi ska samverka kring unga vuxna i regionen')
    const text = 'Vi ska samverka kring unga vuxna i regionen'

    const page = await (await browser.newContext()).newPage()
    const sockets = watchSockets(page)
    await logIn(page, server.url, analyst.email)
    await openDocument(page, server.url, fixture.documentId)
    await expect.poll(() => textOf(page, section.title), { timeout: 10_000 }).toBe(text)
    expect(await editorOf(page).getAttribute('contenteditable')).toBe('false')
    expect(await editorOf(page).getAttribute('aria-readonly')).toBe('true')
    const hint = await editorOf(page).evaluate(
      (element) =>
        document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent,
    )
    expect(hint).toContain('Kommentera')

    // Tab through the page until the section's text has focus.
    let reached = false
    for (let i = 0; i < 200 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await page.evaluate(
        (title) => document.activeElement?.getAttribute('aria-label') === title,
        section.title,
      )
    }
    expect(reached).toBe(true)
    const commentButton = page
      .locator(`#section-${section.id}`)
      .getByRole('button', { name: `Kommentera: ${section.title}`, exact: true })
    expect(await commentButton.isDisabled()).toBe(true)

    // Caret to the end of the section, back over " i regionen", then select "unga vuxna" word by word.
    await page.keyboard.press('Control+End')
    for (let i = 0; i < ' i regionen'.length; i++) await page.keyboard.press('ArrowLeft')
    await expect
      .poll(() => page.locator(`#section-${section.id} .readonly-caret:not([hidden])`).count())
      .toBe(1)
    await page.keyboard.press('Control+Shift+ArrowLeft')
    await page.keyboard.press('Control+Shift+ArrowLeft')
    await expect
      .poll(() => page.evaluate(() => window.getSelection()?.toString().trim()))
      .toBe('unga vuxna')
    await expect.poll(() => commentButton.isEnabled(), { timeout: 3_000 }).toBe(true)
    expect(await seriousViolations(page)).toEqual([])

    // Moving and selecting wrote nothing: no update went out, the one connection is open, the text is the same.
    expect(sockets.writes).toEqual([])

    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Kommentera')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Vilken åldersgrupp avses?')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    // Focus goes back to the text the analyst commented.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(section.title)

    const thread = coordinator
      .getByRole('complementary', { name: 'Kommentarer' })
      .getByTestId('comment-thread')
      .filter({ hasText: 'Vilken åldersgrupp avses?' })
    await expect.poll(() => thread.count(), { timeout: 10_000 }).toBe(1)
    const threadId = await thread.getAttribute('data-thread-id')
    const highlight = coordinator.locator(
      `#section-${section.id} .comment-highlight[data-thread-id="${threadId}"]`,
    )
    await expect.poll(() => highlight.textContent(), { timeout: 10_000 }).toBe('unga vuxna')

    // The comment was the analyst's only write; the server kept the connection (a refusal closes it with 4403).
    expect(sockets.writes.length).toBeGreaterThan(0)
    expect(sockets.sockets).toBe(1)
    expect(await page.getByTestId('connection-status').textContent()).toContain('Ansluten')
    await coordinator.reload()
    await openDocument(coordinator, server.url, fixture.documentId)
    await expect.poll(() => textOf(coordinator, section.title), { timeout: 10_000 }).toBe(text)
    await expect
      .poll(
        () => coordinator.locator(`#section-${section.id} .comment-highlight`).allTextContents(),
        { timeout: 10_000 },
      )
      .toEqual(['unga vuxna'])
    // Seconds later, after the coordinator's reload and sync: still the analyst's one connection.
    expect(sockets.sockets).toBe(1)
  })

  it('writes nothing when opening a section that ends in a heading, which an editable editor would close with an empty paragraph', async () => {
    const own = await newFixture(server.url, 'fardplan')
    const reader = await own.addMember('analyst', 'Anna Läsande')
    const section = own.sections[0]!
    const raw = await RawClient.connect(server.wsUrl, own.documentId, own.coordinator.token)
    await raw.waitSynced()
    raw.edit((doc) => {
      const title = new Y.XmlElement('heading')
      const paragraph = new Y.XmlElement('paragraph')
      const list = new Y.XmlElement('bulletList')
      const heading = new Y.XmlElement('heading')
      doc.getXmlFragment(`section:${section.id}`).push([title, paragraph, list, heading])
      title.setAttribute('level', 1 as unknown as string)
      title.insert(0, [new Y.XmlText('Rubrik')])
      paragraph.insert(0, [new Y.XmlText('Inledning')])
      const item = new Y.XmlElement('listItem')
      list.push([item])
      const itemText = new Y.XmlElement('paragraph')
      item.insert(0, [itemText])
      itemText.insert(0, [new Y.XmlText('En punkt')])
      heading.setAttribute('level', 4 as unknown as string)
      heading.insert(0, [new Y.XmlText('Sista punkten')])
    })
    const page = await (await browser.newContext()).newPage()
    const sockets = watchSockets(page)
    await logIn(page, server.url, reader.email)
    await openDocument(page, server.url, own.documentId)
    await expect.poll(() => textOf(page, section.title), { timeout: 10_000 }).toContain('Sista punkten')
    // Select in it, as the first test does: a round of keys after the view was built.
    await page.getByRole('textbox', { name: section.title, exact: true }).focus()
    await page.keyboard.press('Control+a')
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString().trim())).toContain('Sista punkten')
    expect(sockets.writes).toEqual([])
    expect(sockets.sockets).toBe(1)
    expect(raw.closeCode).toBeUndefined()
    raw.close()
  })
})
