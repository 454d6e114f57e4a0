import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { newClient, typeParagraph } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture
let analyst: TestUser

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url, 'horisontell-analys')
  analyst = await fixture.addMember('analyst', 'Anna Analytiker')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function openAs(page: Page, email: string) {
  await logIn(page, server.url, email)
  await openDocument(page, server.url, fixture.documentId)
}

describe('checks of the horizontal principles in the browser', () => {
  it('an analyst runs the checks from the keyboard, jumps to a section, signs off a manual item and sees it pass', async () => {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage()
    await openAs(page, analyst.email)
    const panel = page.getByRole('region', { name: 'Kontroll av horisontella principer' })
    const status = panel.getByRole('status')

    // Enter on "Kör kontroll": focus stays on the button while and after the checks run.
    const runButton = panel.getByRole('button', { name: 'Kör kontroll' })
    await runButton.focus()
    await page.keyboard.press('Enter')
    const verdict = panel.getByTestId('checks-verdict')
    await expect.poll(() => verdict.textContent(), { timeout: 10_000 }).toMatch(/^Samlad bedömning: (Klar|Inte klar|Väntar på granskning)/)
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toMatch(/^Kontrollen har körts\. Samlad bedömning: /)
    expect(await runButton.evaluate((button) => button === document.activeElement)).toBe(true)
    // The analyst's everyday buttons look like the app's buttons and are large enough to hit (WCAG 2.5.8).
    for (const button of [runButton, panel.getByRole('button', { name: /^Signera J7\. / })]) {
      const { height, styled } = await button.evaluate((element) => ({ height: element.getBoundingClientRect().height, styled: element.classList.contains('button') }))
      expect({ styled, tall: height >= 24 }).toEqual({ styled: true, tall: true })
    }

    // The checklist is named by its template and version, not by an internal id.
    expect(await panel.getByText('Checklista för Horisontell analys, version 2026-1').count()).toBe(1)
    expect(await panel.textContent()).not.toContain('horisontell-analys')

    const equality = panel.getByRole('region', { name: 'Jämställdhet' })
    await expect.poll(() => equality.getByRole('listitem').count(), { timeout: 5_000 }).toBeGreaterThan(0)

    // J7 is a manual item about the "jamstalldhet" section: jump there.
    const j7 = equality.getByTestId('check-J7')
    expect(await j7.textContent()).toContain('Väntar på bedömning')
    expect(await j7.getByRole('button', { name: 'Återkalla signering för J7' }).count()).toBe(0)
    const target = fixture.sections.find((section) => section.key === 'jamstalldhet')!
    await j7.getByRole('button', { name: 'Gå till avsnittet' }).click()
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 3_000 }).toBe(`#section-${target.id}`)
    await expect
      .poll(() => page.evaluate((id) => document.getElementById(`section-${id}`)?.contains(document.activeElement) ?? false, target.id), { timeout: 3_000 })
      .toBe(true)

    // The note counts its characters and stops at 1 000.
    const note = j7.getByLabel('Anteckning')
    expect(await note.getAttribute('maxlength')).toBe('1000')
    await note.fill('Orsakerna förklaras väl.')
    expect(await j7.getByText('24 av 1000 tecken').count()).toBe(1)

    // Nothing is chosen for the analyst: "Signera" without an assessment records nothing and says why.
    const signButton = j7.getByRole('button', { name: /^Signera J7\. / })
    const assessment = j7.getByLabel('Bedömning')
    // Named with its item, as each of the eleven forms has one.
    expect(await j7.getByRole('combobox', { name: /^Bedömning ?: J7\. / }).count()).toBe(1)
    expect(await j7.getByRole('textbox', { name: /^Anteckning ?: J7\. / }).count()).toBe(1)
    expect(await assessment.inputValue()).toBe('')
    await signButton.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => j7.getByRole('alert').textContent(), { timeout: 3_000 }).toBe('Välj en bedömning innan du signerar.')
    expect(await assessment.evaluate((select) => select === document.activeElement)).toBe(true)
    expect(await assessment.getAttribute('aria-invalid')).toBe('true')
    expect(await j7.locator('.checks-status').textContent()).toBe('Väntar på bedömning')

    // Sign off with the keyboard: focus stays on "Signera", the re-run passes the item and says so.
    await assessment.selectOption({ label: 'Uppfylld' })
    expect(await j7.getByRole('alert').count()).toBe(0)
    await signButton.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => j7.locator('.checks-status').textContent(), { timeout: 10_000 }).toBe('Uppfylld')
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toBe('J7 är signerad: Uppfylld.')
    expect(await signButton.evaluate((button) => button === document.activeElement)).toBe(true)
    expect(await j7.textContent()).toContain('Orsakerna förklaras väl.')
    expect(await j7.textContent()).not.toContain('Inaktuell')

    // The report downloads as Markdown, named after the document, with the panel's verdict wording.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10_000 }),
      panel.getByRole('button', { name: 'Ladda ner rapport (textfil)' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('Ansökan – kontrollrapport.md')
    const { readFile } = await import('node:fs/promises')
    const markdown = await readFile((await download.path())!, 'utf8')
    const panelVerdict = (await verdict.textContent())!.replace('Samlad bedömning: ', '')
    expect(markdown).toContain(`**Samlad bedömning:** ${panelVerdict}`)
    // The report names the template by its schema title (the UI's short name is "Horisontell analys").
    expect(markdown).toContain('Checklista för Horisontell principanalys, version 2026-1.')
    expect(markdown).not.toContain('horisontell-analys')

    expect(await seriousViolations(page)).toEqual([])

    // Withdraw the sign-off: a double-click only opens the confirmation, with focus on "Avbryt".
    const withdraw = j7.getByRole('button', { name: 'Återkalla signering för J7' })
    await withdraw.dblclick()
    const confirm = j7.getByRole('group', { name: /Återkalla signeringen av J7\?/ })
    expect(await confirm.count()).toBe(1)
    expect(await status.textContent()).not.toBe('Kontrollerar…')
    expect(await j7.locator('.checks-status').textContent()).toBe('Uppfylld')
    expect(await seriousViolations(page)).toEqual([])
    // "Avbryt" closes it and returns focus to the button; from the keyboard it opens on "Avbryt".
    await confirm.getByRole('button', { name: 'Avbryt' }).click()
    expect(await confirm.count()).toBe(0)
    expect(await withdraw.evaluate((button) => button === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await expect.poll(() => confirm.getByRole('button', { name: 'Avbryt' }).evaluate((button) => button === document.activeElement), { timeout: 3_000 }).toBe(true)

    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    await expect.poll(() => j7.locator('.checks-status').textContent(), { timeout: 10_000 }).toBe('Väntar på bedömning')
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toBe('Signeringen av J7 är återkallad.')
    expect(await signButton.evaluate((button) => button === document.activeElement)).toBe(true)
    expect(await withdraw.count()).toBe(0)
  })

  it("a report on the coordinator's screen follows an analyst's sign-off without a new run", async () => {
    const own = await newFixture(server.url, 'horisontell-analys')
    const ownAnalyst = await own.addMember('analyst', 'Andra Analytikern')
    const open = async (email: string) => {
      const page = await (await browser.newContext()).newPage()
      await logIn(page, server.url, email)
      await openDocument(page, server.url, own.documentId)
      const panel = page.getByRole('region', { name: 'Kontroll av horisontella principer' })
      await panel.getByRole('button', { name: 'Kör kontroll' }).click()
      await expect.poll(() => panel.getByTestId('check-J7').count(), { timeout: 10_000 }).toBe(1)
      return panel.getByTestId('check-J7')
    }
    const watched = await open(own.coordinator.email)
    expect(await watched.locator('.checks-status').textContent()).toBe('Väntar på bedömning')
    const signer = await open(ownAnalyst.email)
    await signer.getByLabel('Bedömning').selectOption({ label: 'Uppfylld' })
    await signer.getByRole('button', { name: 'Signera' }).click()
    await expect.poll(() => watched.locator('.checks-status').textContent(), { timeout: 10_000 }).toBe('Uppfylld')
  })

  it('a sign-off made stale by an edit asks for a new assessment instead of offering the old verdict', async () => {
    const own = await newFixture(server.url, 'horisontell-analys')
    const ownAnalyst = await own.addMember('analyst', 'Tredje Analytikern')
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, ownAnalyst.email)
    await openDocument(page, server.url, own.documentId)
    const panel = page.getByRole('region', { name: 'Kontroll av horisontella principer' })
    await panel.getByRole('button', { name: 'Kör kontroll' }).click()
    const j7 = panel.getByTestId('check-J7')
    await j7.getByLabel('Bedömning').selectOption({ label: 'Ej uppfylld' })
    await j7.getByLabel('Anteckning').fill('Saknar könsuppdelad statistik.')
    await j7.getByRole('button', { name: /^Signera J7\. / }).click()
    await expect.poll(() => j7.locator('.checks-status').textContent(), { timeout: 10_000 }).toBe('Ej uppfylld')

    const section = own.sections.find((candidate) => candidate.key === 'jamstalldhet')!
    const writer = await newClient(server.wsUrl, own.documentId, own.coordinator.token)
    typeParagraph(writer.doc, section.id, 'Nu finns statistiken uppdelad på kön.')
    await panel.getByRole('button', { name: 'Kör kontroll' }).click()
    await expect.poll(() => j7.textContent(), { timeout: 10_000 }).toContain('Inaktuell – behöver signeras igen')
    expect(await j7.locator('.checks-status').textContent()).toBe('Väntar på bedömning')
    expect(await j7.getByLabel('Bedömning').inputValue()).toBe('')
    expect(await j7.getByLabel('Anteckning').inputValue()).toBe('Saknar könsuppdelad statistik.')
    writer.destroy()
  })

  it("an edit makes a sign-off read as stale at once on every open report, without a new run", async () => {
    const own = await newFixture(server.url, 'horisontell-analys')
    const ownAnalyst = await own.addMember('analyst', 'Sara Analytiker')
    const ownEditor = await own.addMember('editor', 'Erik Editor')
    const section = own.sections.find((candidate) => candidate.key === 'jamstalldhet')!
    const open = async (email: string) => {
      const page = await (await browser.newContext()).newPage()
      await logIn(page, server.url, email)
      await openDocument(page, server.url, own.documentId)
      return { page, panel: page.getByRole('region', { name: 'Kontroll av horisontella principer' }) }
    }

    const analystView = await open(ownAnalyst.email)
    await analystView.panel.getByRole('button', { name: 'Kör kontroll' }).click()
    const signed = analystView.panel.getByTestId('check-J7')
    await signed.getByLabel('Bedömning').selectOption({ label: 'Uppfylld' })
    await signed.getByRole('button', { name: /^Signera J7\. / }).click()
    await expect.poll(() => signed.locator('.checks-status').textContent(), { timeout: 10_000 }).toBe('Uppfylld')
    expect(await signed.textContent()).toContain('Bedömd som uppfylld av Sara Analytiker')

    // The editor runs the checks once too, then writes in the signed section.
    const editorView = await open(ownEditor.email)
    await editorView.panel.getByRole('button', { name: 'Kör kontroll' }).click()
    const seen = editorView.panel.getByTestId('check-J7')
    await expect.poll(() => seen.locator('.checks-status').textContent(), { timeout: 10_000 }).toBe('Uppfylld')
    const text = editorView.page.getByRole('textbox', { name: section.title, exact: true })
    await expect.poll(() => text.getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')
    await text.click()
    await editorView.page.keyboard.press('Control+End')
    await editorView.page.keyboard.type(' Statistiken redovisas nu uppdelad på kön.')

    // Nobody presses "Kör kontroll" again: both panels read the sign-off as stale, name who signed
    // (to the signer herself: "du"), keep the earlier assessment in view, say that the report is out
    // of date, and the analyst's status line says it once.
    for (const [{ panel }, signer] of [[analystView, 'du'], [editorView, 'Sara Analytiker']] as const) {
      const item = panel.getByTestId('check-J7')
      await expect.poll(() => item.locator('.checks-status').textContent(), { timeout: 10_000 }).toBe('Väntar på bedömning')
      expect(await item.textContent()).toContain('Inaktuell – behöver signeras igen')
      expect(await item.textContent()).toContain(`”${section.title}” har ändrats sedan ${signer} signerade`)
      expect(await item.textContent()).not.toContain('Bedömd som uppfylld')
      expect(await item.textContent()).toContain('Tidigare bedömning: Uppfylld, ')
      expect(await panel.getByTestId('checks-outdated').textContent()).toBe(
        'Dokumentet har ändrats sedan kontrollen kördes. Kör kontroll igen för en aktuell rapport.',
      )
      expect(await panel.getByTestId('checks-verdict').textContent()).not.toMatch(/^Samlad bedömning: Klar/)
    }
    expect(await analystView.panel.getByRole('status').textContent()).toBe('Signeringen av J7 är inaktuell: avsnittet har ändrats.')
    // The stale verdict is not offered again for the new text.
    expect(await signed.getByLabel('Bedömning').inputValue()).toBe('')
    expect(await seriousViolations(analystView.page)).toEqual([])

    // Signing again makes the item current, and the report that run holds is no longer out of date.
    await signed.getByLabel('Bedömning').selectOption({ label: 'Uppfylld' })
    await signed.getByRole('button', { name: /^Signera J7\. / }).click()
    await expect.poll(() => signed.locator('.checks-status').textContent(), { timeout: 10_000 }).toBe('Uppfylld')
    expect(await signed.textContent()).not.toContain('Inaktuell')
    expect(await analystView.panel.getByTestId('checks-outdated').count()).toBe(0)

    // Switching the language reloads the page: the report stays, read against the live text.
    await analystView.page.getByRole('button', { name: 'Switch to English' }).click()
    const english = analystView.page.getByRole('region', { name: 'Check of the horizontal principles' })
    await expect.poll(() => english.getByTestId('check-J7').count(), { timeout: 10_000 }).toBe(1)
    expect(await english.getByTestId('check-J7').locator('.checks-status').textContent()).toBe('Met')
    await analystView.page.getByRole('button', { name: 'Byt till svenska' }).click()
    await expect.poll(() => analystView.panel.getByTestId('check-J7').count(), { timeout: 10_000 }).toBe(1)
  })

  it('an editor sees the checks but no sign-off form', async () => {
    const editor = await fixture.addMember('editor', 'Elsa Editor')
    const page = await (await browser.newContext()).newPage()
    await openAs(page, editor.email)
    const panel = page.getByRole('region', { name: 'Kontroll av horisontella principer' })
    await panel.getByRole('button', { name: 'Kör kontroll' }).click()
    await expect.poll(() => panel.getByTestId('check-J8').count(), { timeout: 10_000 }).toBe(1)
    expect(await panel.getByRole('button', { name: 'Signera' }).count()).toBe(0)
  })
})
