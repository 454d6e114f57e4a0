import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { newClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture
let editor: TestUser

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url)
  editor = await fixture.addMember('editor', 'Elsa Editor')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Replaces a section's text with one paragraph through a stock provider, and waits until the server has it. */
async function setText(sectionId: string, text: string, on: Fixture = fixture): Promise<void> {
  const writer = await newClient(server.wsUrl, on.documentId, on.coordinator.token)
  const observer = await newClient(server.wsUrl, on.documentId, on.coordinator.token)
  writer.doc.transact(() => {
    const fragment = writer.doc.getXmlFragment(`section:${sectionId}`)
    fragment.delete(0, fragment.length)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text)])
    fragment.push([paragraph])
  })
  await waitFor(() => observer.text(sectionId).includes(text), 'server has the text')
  writer.destroy()
  observer.destroy()
}

/** Saves a named version through the API. */
async function saveVersion(on: Fixture, name: string): Promise<void> {
  const saved = await call(server.url, 'POST', `/api/documents/${on.documentId}/versions`, on.coordinator.token, { name })
  expect(saved.status).toBe(201)
}

/** Logs `user` in on a new page, opens the document's history and the version named `name`; returns the page and the panel. */
async function openVersion(on: Fixture, user: TestUser, name: string) {
  const page = await (await browser.newContext()).newPage()
  await logIn(page, server.url, user.email)
  await openDocument(page, server.url, on.documentId)
  await page.getByRole('button', { name: 'Historik', exact: true }).click()
  const panel = page.getByRole('region', { name: 'Historik', exact: true })
  await panel.getByRole('list', { name: 'Versioner, nyast först' }).getByRole('button', { name: new RegExp(name) }).click()
  await panel.getByRole('heading', { name: new RegExp(`^Version: ${name}`) }).waitFor({ timeout: 10_000 })
  return { page, panel }
}

const sectionOf = (on: Fixture, key: string) => on.sections.find((section) => section.key === key)!

describe('version history in the browser', () => {
  it('opens the history, shows an older version and its changes, restores it, and a second user sees the text return', async () => {
    const section = fixture.sections[0]!
    await setText(section.id, 'Ursprunglig text om målgruppen.')
    const saved = await call(server.url, 'POST', `/api/documents/${fixture.documentId}/versions`, fixture.coordinator.token, { name: 'Första utkastet' })
    expect(saved.status).toBe(201)
    await setText(section.id, 'Omskriven text om målgruppen.')

    const coordinatorPage = await (await browser.newContext()).newPage()
    const editorPage = await (await browser.newContext()).newPage()
    await logIn(coordinatorPage, server.url, fixture.coordinator.email)
    await logIn(editorPage, server.url, editor.email)
    for (const page of [coordinatorPage, editorPage]) await openDocument(page, server.url, fixture.documentId)
    const editorOf = (page: Page) => page.getByRole('textbox', { name: section.title, exact: true })
    await expect.poll(() => editorOf(editorPage).textContent(), { timeout: 10_000 }).toContain('Omskriven text')

    // Open the panel from the keyboard: focus moves to its heading.
    const toggle = editorPage.getByRole('button', { name: 'Historik', exact: true })
    await toggle.focus()
    await editorPage.keyboard.press('Enter')
    const panel = editorPage.getByRole('region', { name: 'Historik', exact: true })
    await expect.poll(() => editorPage.evaluate(() => document.activeElement?.id)).toBe('history-panel-title')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    // An editor may not save named versions; the form is a coordinator's.
    expect(await panel.getByLabel('Namn på ny version').count()).toBe(0)

    const list = panel.getByRole('list', { name: 'Versioner, nyast först' })
    await list.getByRole('button', { name: /Första utkastet/ }).click()
    const version = panel.getByRole('region', { name: section.title }).first()
    await expect.poll(() => version.textContent()).toContain('Ursprunglig text om målgruppen.')

    await panel.getByRole('button', { name: 'Jämför med nuvarande' }).click()
    const changed = panel.locator('.history-diff').getByRole('region', { name: section.title })
    await expect.poll(() => changed.locator('del').allTextContents()).toEqual(['Borttaget: Ursprunglig'])
    expect(await changed.locator('ins').allTextContents()).toEqual(['Tillagt av Samordnare Siv: Omskriven'])
    expect(await changed.textContent()).toContain('Tillagt av: Samordnare Siv')
    expect(await seriousViolations(editorPage)).toEqual([])

    // Restore the section, with a confirm step.
    await changed.getByRole('button', { name: `Återställ avsnittet ${section.title}` }).click()
    await changed.getByRole('button', { name: 'Ja, återställ' }).click()
    await expect.poll(() => editorOf(editorPage).textContent(), { timeout: 10_000 }).toBe('Ursprunglig text om målgruppen.')
    await expect.poll(() => editorOf(coordinatorPage).textContent(), { timeout: 10_000 }).toBe('Ursprunglig text om målgruppen.')
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Återställt: 1 avsnitt')
    // The restore left a restore point at the top of the list, and the diff now shows no change.
    await expect.poll(() => list.getByRole('button').first().textContent()).toContain('Före återställning')
    await expect.poll(() => panel.locator('.history-diff').textContent()).toContain('Inga skillnader')
    // Two versions compared: the restore point (newest, index 1 after the prompt) still holds the rewritten text.
    await panel.getByLabel('Jämför med en annan version').selectOption({ index: 1 })
    await expect.poll(() => panel.locator('.history-diff').textContent()).toMatch(/Ändringar från Första utkastet .* till Före återställning/)
    expect(await changed.locator('ins').allTextContents()).toEqual(['Tillagt av Samordnare Siv: Omskriven'])
    // Restore buttons belong to the comparison with the current text only.
    expect(await changed.getByRole('button', { name: `Återställ avsnittet ${section.title}` }).count()).toBe(0)

    // The coordinator names a version from the panel.
    await coordinatorPage.getByRole('button', { name: 'Historik', exact: true }).click()
    const coordinatorPanel = coordinatorPage.getByRole('region', { name: 'Historik', exact: true })
    await coordinatorPanel.getByLabel('Namn på ny version').fill('Efter återställning')
    await coordinatorPanel.getByRole('button', { name: 'Spara version' }).click()
    await expect.poll(() => coordinatorPanel.getByRole('list', { name: 'Versioner, nyast först' }).getByRole('button').first().textContent()).toContain('Efter återställning')
    expect(await seriousViolations(coordinatorPage)).toEqual([])

    // Escape closes the panel and gives focus back to its button.
    await coordinatorPanel.getByRole('button', { name: 'Stäng historik' }).focus()
    await coordinatorPage.keyboard.press('Escape')
    await expect.poll(() => coordinatorPanel.count()).toBe(0)
    await expect.poll(() => coordinatorPage.evaluate(() => document.activeElement?.textContent)).toBe('Historik')
  })

  it('lists versions a page at a time: "Visa äldre versioner" appends the older ones and focuses the first of them', async () => {
    const paged = await newFixture(server.url)
    // One more than a page (50): the oldest is on the second page.
    for (let i = 1; i <= 51; i++) {
      const saved = await call(server.url, 'POST', `/api/documents/${paged.documentId}/versions`, paged.coordinator.token, { name: `Utkast ${i}` })
      expect(saved.status).toBe(201)
    }
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, paged.coordinator.email)
    await openDocument(page, server.url, paged.documentId)
    await page.getByRole('button', { name: 'Historik', exact: true }).click()
    const panel = page.getByRole('region', { name: 'Historik', exact: true })
    const items = panel.getByRole('list', { name: 'Versioner, nyast först' }).getByRole('button')
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(50)
    expect(await items.first().textContent()).toContain('Utkast 51')
    expect(await panel.getByText('Utkast 1', { exact: true }).count()).toBe(0)

    const older = panel.getByRole('button', { name: 'Visa äldre versioner' })
    await older.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(51)
    await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('.history-list__name')?.textContent)).toBe('Utkast 1')
    expect(await older.count()).toBe(0)
    expect(await seriousViolations(page)).toEqual([])
  })

  it('after "Ja, återställ" focus rests on the message that says how the restore went', async () => {
    const own = await newFixture(server.url)
    const problem = sectionOf(own, 'problem')
    await setText(problem.id, 'Första beskrivningen av problemet.', own)
    await saveVersion(own, 'Före omskrivningen')
    await setText(problem.id, 'Andra beskrivningen av problemet.', own)
    const { page, panel } = await openVersion(own, own.coordinator, 'Före omskrivningen')
    const restore = panel.getByRole('button', { name: 'Återställ dokumentet' })

    // A restore that fails leaves focus on the error that says so.
    await page.route('**/api/documents/*/versions/*/restore', (route) => route.abort())
    const focused = () => page.evaluate(() => document.activeElement?.textContent)
    await restore.focus()
    await page.keyboard.press('Enter')
    // The question opens on "Avbryt", so a second Enter does not restore; Escape goes back to the button.
    await expect.poll(focused).toBe('Avbryt')
    await page.keyboard.press('Escape')
    await expect.poll(focused).toBe('Återställ dokumentet')
    await page.keyboard.press('Enter')
    await expect.poll(focused).toBe('Avbryt')
    await page.keyboard.press('Shift+Tab')
    await expect.poll(focused).toBe('Ja, återställ')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('[role="alert"]')?.textContent ?? ''), { timeout: 10_000 }).toContain('Kunde inte nå servern')
    await page.unroute('**/api/documents/*/versions/*/restore')

    await restore.focus()
    await page.keyboard.press('Enter')
    await expect.poll(focused).toBe('Avbryt')
    await page.keyboard.press('Shift+Tab')
    await expect.poll(focused).toBe('Ja, återställ')
    await page.keyboard.press('Enter')
    const status = panel.getByRole('status')
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('Återställt: 1 avsnitt')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Återställt: 1 avsnitt')
    // The restored section now reads as the current text.
    await expect.poll(() => panel.locator('.history-content').getByRole('region', { name: problem.title }).textContent()).toContain('Oförändrat')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('says in the restore confirmation and at the plan section that the time plan is not part of versions', async () => {
    const plan = await newFixture(server.url, 'fardplan')
    const planSection = plan.sections.find((section) => section.key === 'aktivitetsplan')!
    await saveVersion(plan, 'Färdplanens utkast')
    // The section's text changes, so restoring it would change something.
    await setText(planSection.id, 'Planen beskriven i ord.', plan)
    const { panel } = await openVersion(plan, plan.coordinator, 'Färdplanens utkast')
    const note = 'Tidsplanen ingår inte i versionerna och återställs inte'

    const content = panel.locator('.history-content')
    await expect.poll(() => content.getByRole('region', { name: planSection.title, exact: true }).textContent()).toContain(note)
    // Only the plan section says so.
    expect(await content.getByText(note).count()).toBe(1)

    await panel.getByRole('button', { name: 'Återställ dokumentet' }).click()
    const confirm = panel.locator('.history-actions').getByRole('group')
    await expect.poll(() => confirm.textContent()).toContain(note)
    await confirm.getByRole('button', { name: 'Avbryt' }).click()

    await content.getByRole('button', { name: `Återställ avsnittet ${planSection.title}` }).click()
    await expect.poll(() => content.getByRole('group').textContent()).toContain(note)
  })

  it('the open panel leaves the page header usable: it starts under the header (WCAG 2.4.11)', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage()
    await logIn(page, server.url, fixture.coordinator.email)
    await openDocument(page, server.url, fixture.documentId)
    await page.getByRole('button', { name: 'Historik', exact: true }).click()
    await page.getByRole('region', { name: 'Historik', exact: true }).waitFor({ timeout: 10_000 })
    // Whatever is drawn at the middle of each header control is that control, not the panel.
    for (const control of [page.getByRole('button', { name: 'Logga ut' }), page.getByRole('link', { name: 'Omnämnanden' })]) {
      expect(
        await control.evaluate((element) => {
          const box = element.getBoundingClientRect()
          return element.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2))
        }),
      ).toBe(true)
    }
    await page.context().close()
  })

  it('a version name of only spaces gets an error, and focus stays in the name field', async () => {
    const own = await newFixture(server.url)
    await saveVersion(own, 'Första')
    const { page, panel } = await openVersion(own, own.coordinator, 'Första')
    const field = panel.getByLabel('Namn på ny version')
    const isFieldFocused = () => field.evaluate((element) => element === document.activeElement)

    await field.fill('   ')
    await field.press('Enter')
    // A CSS selector also finds the alert while it is empty (and so not displayed): a missing message fails at once.
    const alert = panel.locator('.history-save [role="alert"]')
    await expect.poll(() => alert.textContent()).toBe('Skriv ett namn på versionen.')
    expect(await isFieldFocused()).toBe(true)
    expect(await field.getAttribute('aria-invalid')).toBe('true')

    // From the button, focus goes back to the field.
    await panel.getByRole('button', { name: 'Spara version' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(isFieldFocused).toBe(true)
    expect(await alert.textContent()).toBe('Skriv ett namn på versionen.')
    expect(await panel.getByRole('list', { name: 'Versioner, nyast först' }).getByRole('button').count()).toBe(1)

    // Going on to the versions without a name gives the save up: the message does not linger there.
    await panel.getByRole('list', { name: 'Versioner, nyast först' }).getByRole('button').first().focus()
    await expect.poll(() => alert.textContent()).toBe('')
    expect(await field.getAttribute('aria-invalid')).toBeNull()
    // Typing a name after the message takes it away too.
    await field.fill(' ')
    await field.press('Enter')
    await expect.poll(() => alert.textContent()).toBe('Skriv ett namn på versionen.')
    await field.pressSequentially('Inför')
    await expect.poll(() => alert.textContent()).toBe('')
  })

  it('a save that succeeds clears an earlier error', async () => {
    const own = await newFixture(server.url)
    await saveVersion(own, 'Första')
    await saveVersion(own, 'Andra')
    const { page, panel } = await openVersion(own, own.coordinator, 'Andra')

    // Opening a version fails while the server cannot be reached.
    await page.route('**/api/documents/*/versions/*', (route) => route.abort())
    await panel.getByRole('list', { name: 'Versioner, nyast först' }).getByRole('button', { name: /Första/ }).click()
    const unreachable = panel.getByText('Kunde inte nå servern', { exact: false })
    await expect.poll(() => unreachable.count()).toBe(1)
    await page.unroute('**/api/documents/*/versions/*')

    await panel.getByLabel('Namn på ny version').fill('Tredje')
    // From the keyboard: focus stays on the button while the version is saved and after (not <body>).
    const save = panel.getByRole('button', { name: 'Spara version' })
    await save.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Versionen ”Tredje” sparades.')
    expect(await unreachable.count()).toBe(0)
    expect(await save.evaluate((button) => button === document.activeElement)).toBe(true)
  })

  it('the version view offers "Återställ avsnittet" only where a restore would change the section', async () => {
    const own = await newFixture(server.url)
    const problem = sectionOf(own, 'problem')
    const unchanged = sectionOf(own, 'malgrupp')
    await setText(problem.id, 'Så var det.', own)
    await setText(unchanged.id, 'Unga vuxna som står långt från arbetsmarknaden.', own)
    // Only the participant counts change in "Deltagare": its text stays as it was.
    const participants = sectionOf(own, 'deltagare')
    const setWomen = async (count: number) => {
      const counter = await newClient(server.wsUrl, own.documentId, own.coordinator.token)
      ;(counter.doc.getMap<Y.Map<unknown>>('fields').get(participants.id) as Y.Map<unknown>).set('women', count)
      const observer = await newClient(server.wsUrl, own.documentId, own.coordinator.token)
      await waitFor(() => (observer.doc.getMap<Y.Map<unknown>>('fields').get(participants.id) as Y.Map<unknown>).get('women') === count, 'server has the count')
      counter.destroy()
      observer.destroy()
    }
    await setWomen(1234)
    await saveVersion(own, 'Underlag')
    await setText(problem.id, 'Så är det nu.', own)
    await setWomen(12)
    const { panel } = await openVersion(own, own.coordinator, 'Underlag')
    const content = panel.locator('.history-content')

    const restoreButtons = content.getByRole('button', { name: /^Återställ avsnittet / })
    const offered = await restoreButtons.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')))
    // The changed text and the changed counts; not the other sections with (unchanged) structured values.
    expect(offered.sort()).toEqual([problem.title, participants.title].map((title) => `Återställ avsnittet ${title}`).sort())
    for (const title of [unchanged.title, 'Budget och medfinansiering', 'Översikt']) {
      expect(await content.getByRole('region', { name: title, exact: true }).textContent()).toContain('Oförändrat')
    }
    // The version shows the counts it holds, not "(tomt)".
    const versionParticipants = await content.getByRole('region', { name: participants.title, exact: true }).textContent()
    expect(versionParticipants).toMatch(/1\s234/)
    expect(versionParticipants).not.toContain('(tomt)')
  })
})

describe('a restore by someone else', () => {
  it("tells a co-author who has the document open who restored which section; the restorer's own page does not repeat it", async () => {
    const own = await newFixture(server.url)
    const writer = await own.addMember('editor', 'Elsa Editor')
    const problem = sectionOf(own, 'problem')
    await setText(problem.id, 'Gammal problembild.', own)
    await saveVersion(own, 'Före omskrivningen')
    await setText(problem.id, 'Ny problembild.', own)
    const versions = await call(server.url, 'GET', `/api/documents/${own.documentId}/versions`, own.coordinator.token)
    const saved = (versions.body.versions as Array<{ id: string; name: string | null }>).find((version) => version.name === 'Före omskrivningen')!

    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, writer.email)
    await openDocument(page, server.url, own.documentId)
    await expect.poll(() => page.getByText('Ny problembild.').count(), { timeout: 10_000 }).toBe(1)
    // What the document held when it was opened is not news.
    expect(await page.locator('.restore-notice').textContent()).toBe('')
    const restorer = await (await browser.newContext()).newPage()
    await logIn(restorer, server.url, own.coordinator.email)
    await openDocument(restorer, server.url, own.documentId)
    await expect.poll(() => restorer.getByText('Ny problembild.').count(), { timeout: 10_000 }).toBe(1)

    const restored = await call(server.url, 'POST', `/api/documents/${own.documentId}/versions/${saved.id}/restore`, own.coordinator.token, { sectionId: problem.id })
    expect(restored.status).toBe(200)
    // A status (read out politely); its message floats at the bottom of the window, wherever the reader is.
    const notice = page.getByRole('status').filter({ hasText: `Samordnare Siv återställde ”${problem.title}” från en tidigare version.` }).locator('p')
    await notice.waitFor({ timeout: 10_000 })
    await expect.poll(() => page.getByText('Gammal problembild.').count(), { timeout: 10_000 }).toBe(1)
    await expect.poll(() => restorer.getByText('Gammal problembild.').count(), { timeout: 10_000 }).toBe(1)
    expect(await restorer.locator('.restore-notice').textContent()).toBe('')
    await restorer.context().close()
    // It covers nothing that takes focus: Tab through the page, every focused control is above it.
    const covered = async () => {
      const box = await notice.boundingBox()
      return page.evaluate((top) => {
        const rect = document.activeElement?.getBoundingClientRect()
        return rect !== undefined && rect.height > 0 && rect.bottom > top + 1
      }, box!.y)
    }
    const problemText = page.getByRole('textbox', { name: problem.title, exact: true })
    await problemText.focus()
    let coveredCount = 0
    for (let presses = 0; presses < 25; presses++) {
      await page.keyboard.press('Tab')
      if (await covered()) coveredCount++
    }
    expect(coveredCount).toBe(0)
    // Closing it gives focus back to where the user came from.
    await problemText.focus()
    await notice.getByRole('button', { name: 'Stäng meddelandet' }).focus()
    await page.keyboard.press('Enter')
    expect(await page.locator('.restore-notice').textContent()).toBe('')
    expect(await problemText.evaluate((element) => element === document.activeElement)).toBe(true)
    // Reopened, the page does not announce the restore again.
    await page.reload()
    await expect.poll(() => page.getByText('Gammal problembild.').count(), { timeout: 10_000 }).toBe(1)
    expect(await page.locator('.restore-notice').textContent()).toBe('')

    // A restore made while the page was offline is told when it comes back.
    await page.context().setOffline(true)
    await page.getByTestId('connection-status').filter({ hasText: 'Ingen anslutning' }).waitFor({ timeout: 10_000 })
    await setText(problem.id, 'Tredje problembild.', own)
    const again = await call(server.url, 'POST', `/api/documents/${own.documentId}/versions/${saved.id}/restore`, own.coordinator.token, { sectionId: problem.id })
    expect(again.status).toBe(200)
    await page.context().setOffline(false)
    await notice.waitFor({ timeout: 15_000 })
    await page.context().close()
  })
})
