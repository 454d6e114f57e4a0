import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture
let editor: TestUser
let analyst: TestUser
let viewer: TestUser

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url, 'esf-projektide')
  editor = await fixture.addMember('editor', 'Elsa Editor')
  analyst = await fixture.addMember('analyst', 'Anna Analytiker')
  viewer = await fixture.addMember('viewer', 'Vera Läsare')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function openAs(email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await logIn(page, server.url, email)
  await openDocument(page, server.url, fixture.documentId)
  await page.getByRole('heading', { name: 'Deltagare', exact: true }).waitFor({ timeout: 10_000 })
  return page
}

const section = (page: Page, key: string): Locator =>
  page.locator(`section[data-section-key="${key}"]`)
const valueOf = (page: Page, key: string, label: string) =>
  section(page, key).getByLabel(label, { exact: true }).inputValue()

describe('structured values of an ESF+ document', () => {
  it('an editor fills participants, budget and indicators, a second user sees them live, and the checks pass them', async () => {
    const first = await openAs(editor.email)
    const second = await openAs(fixture.coordinator.email)

    // Participants: a word is refused with a message and not saved; numbers are.
    const participants = section(first, 'deltagare')
    // "Ej aktuellt" stands for all three counts; unticked, the counts come back empty.
    const notApplicable = participants.getByLabel('Ej aktuellt – projektet har inga deltagare', {
      exact: true,
    })
    await notApplicable.check()
    await expect
      .poll(() => participants.getByLabel('Antal kvinnor', { exact: true }).count(), {
        timeout: 5_000,
      })
      .toBe(0)
    await notApplicable.uncheck()
    await participants.getByLabel('Antal kvinnor', { exact: true }).fill('många')
    await participants
      .getByRole('alert')
      .filter({ hasText: 'Skriv bara siffror' })
      .waitFor({ timeout: 5_000 })
    expect(
      await participants.getByLabel('Antal kvinnor', { exact: true }).getAttribute('aria-invalid'),
    ).toBe('true')
    await participants.getByLabel('Antal kvinnor', { exact: true }).fill('24')
    // A number past any project's size is refused, not stored rounded to 100 000 000 000 000 000 000.
    await participants.getByLabel('Antal kvinnor', { exact: true }).fill('99999999999999999999')
    await participants
      .getByRole('alert')
      .filter({ hasText: 'Antalet kan vara högst 1 000 000. Det här sparas inte.' })
      .waitFor({ timeout: 5_000 })
    await participants.getByLabel('Antal män', { exact: true }).fill('16')
    // Edits arrive in order: once the next one has, a stored refusal would have too.
    await expect
      .poll(() => valueOf(second, 'deltagare', 'Antal män'), { timeout: 10_000 })
      .toBe('16')
    expect(await valueOf(second, 'deltagare', 'Antal kvinnor')).toBe('24')
    await participants.getByLabel('Antal kvinnor', { exact: true }).fill('24')
    // Nor does the sum's button store a total past that limit.
    await participants.getByLabel('Antal kvinnor', { exact: true }).fill('999 999')
    await participants.getByLabel('Antal män', { exact: true }).fill('999 999')
    await participants
      .getByText('Kvinnor + män = 1 999 998. Fyll i totalt antal också.')
      .waitFor({ timeout: 5_000 })
    expect(await participants.getByRole('button', { name: /Sätt totalt till/ }).count()).toBe(0)
    await participants.getByLabel('Antal kvinnor', { exact: true }).fill('24')
    await participants.getByLabel('Antal män', { exact: true }).fill('16')
    await participants.getByLabel('Totalt antal deltagare', { exact: true }).fill('38')
    await participants
      .getByText('Kvinnor + män = 40, men totalt anges som 38.')
      .waitFor({ timeout: 5_000 })
    // The total's own field says it is off, and why, to a screen reader too.
    const totalField = participants.getByLabel('Totalt antal deltagare', { exact: true })
    expect(await totalField.getAttribute('aria-invalid')).toBe('true')
    expect(await totalField.evaluate((input) => input.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent).join(' ')))
      .toContain('Kvinnor + män = 40, men totalt anges som 38.')
    await participants.getByRole('button', { name: 'Sätt totalt till 40' }).click()
    await expect
      .poll(() => valueOf(first, 'deltagare', 'Totalt antal deltagare'), { timeout: 5_000 })
      .toBe('40')
    // The button is gone: focus is on the total it set, not on the page.
    expect(await totalField.evaluate((input) => input === document.activeElement)).toBe(true)
    expect(await totalField.getAttribute('aria-invalid')).toBeNull()

    // Budget: two cost rows, two financiers (one of them ESF+).
    const budget = section(first, 'budget')
    const fillRow = async (add: string, cells: Array<[string, string]>) => {
      await budget.getByRole('button', { name: add }).click()
      for (const [label, value] of cells)
        await budget.getByLabel(label, { exact: true }).fill(value)
    }
    // A double click adds one row, and focus is in it for typing.
    await budget.getByRole('button', { name: 'Lägg till kostnadsrad' }).dblclick()
    const firstCost = budget.getByLabel('Kostnadsslag, kostnadsrad 1', { exact: true })
    await firstCost.waitFor({ timeout: 5_000 })
    expect(await budget.getByLabel('Kostnadsslag, kostnadsrad 2', { exact: true }).count()).toBe(0)
    expect(await firstCost.evaluate((input) => input === document.activeElement)).toBe(true)
    // An empty row's remove button says which row; one with content says what it holds.
    expect(
      await budget.getByRole('button', { name: 'Ta bort kostnadsrad 1', exact: true }).count(),
    ).toBe(1)
    await firstCost.fill('Personal')
    // A year is four digits: anything else stays in the field with a message and is not saved.
    const year = budget.getByLabel('År, kostnadsrad 1', { exact: true })
    await year.fill('abc')
    await budget.getByRole('alert').filter({ hasText: 'Skriv året med fyra siffror, till exempel 2027. Det här sparas inte.' }).waitFor({ timeout: 5_000 })
    expect(await year.getAttribute('aria-invalid')).toBe('true')
    await year.fill('20277')
    expect(await year.getAttribute('aria-invalid')).toBe('true')
    await expect.poll(() => valueOf(second, 'budget', 'Kostnadsslag, kostnadsrad 1'), { timeout: 10_000 }).toBe('Personal')
    expect(await valueOf(second, 'budget', 'År, kostnadsrad 1')).toBe('')
    await year.fill('2026')
    expect(await year.getAttribute('aria-invalid')).toBeNull()
    await expect.poll(() => valueOf(second, 'budget', 'År, kostnadsrad 1'), { timeout: 10_000 }).toBe('2026')
    await budget.getByLabel('Belopp (kr), kostnadsrad 1', { exact: true }).fill('99999999999999999999')
    await budget
      .getByRole('alert')
      .filter({ hasText: 'Beloppet kan vara högst 1 000 000 000 kr. Det här sparas inte.' })
      .waitFor({ timeout: 5_000 })
    // Kronor and öre: a third decimal is refused with a message, not saved and shown rounded.
    await budget.getByLabel('Belopp (kr), kostnadsrad 1', { exact: true }).fill('1 200 000,555')
    await budget
      .getByRole('alert')
      .filter({ hasText: 'Ange beloppet i kronor med högst två decimaler (öre), t.ex. 1 200 000,50. Det här sparas inte.' })
      .waitFor({ timeout: 5_000 })
    await budget.getByLabel('Belopp (kr), kostnadsrad 1', { exact: true }).fill('800 000')
    expect(
      await budget
        .getByRole('button', { name: 'Ta bort ”Personal, 2026” (kostnadsrad 1)', exact: true })
        .count(),
    ).toBe(1)
    await fillRow('Lägg till kostnadsrad', [
      ['Kostnadsslag, kostnadsrad 2', 'Lokaler'],
      ['Belopp (kr), kostnadsrad 2', '200000'],
    ])
    await fillRow('Lägg till finansiär', [
      ['Finansiär, finansiär 1', 'Svenska ESF-rådet'],
      ['Belopp (kr), finansiär 1', '600 000'],
    ])
    await budget.getByLabel('ESF+-stöd, finansiär 1', { exact: true }).check()
    await fillRow('Lägg till finansiär', [
      ['Finansiär, finansiär 2', 'Samordningsförbundet'],
      ['Belopp (kr), finansiär 2', '400 000 kr'],
    ])
    await expect
      .poll(() => budget.getByRole('row', { name: /Summa kostnader/ }).textContent(), {
        timeout: 5_000,
      })
      .toContain('1 000 000 kr')
    await expect
      .poll(() => budget.getByTestId('cofinancing-share').textContent(), { timeout: 5_000 })
      .toBe('40,0 %')

    // A removed row comes back with "Ångra"; removed again, it stays gone.
    await fillRow('Lägg till kostnadsrad', [
      ['Kostnadsslag, kostnadsrad 3', 'Resor'],
      ['Belopp (kr), kostnadsrad 3', '5000'],
    ])
    await budget.getByRole('button', { name: 'Ta bort ”Resor” (kostnadsrad 3)' }).click()
    const undo = budget.getByRole('button', { name: 'Ångra' })
    await undo.waitFor({ timeout: 5_000 })
    expect(
      await budget
        .getByRole('status')
        .filter({ hasText: 'Tog bort ”Resor” (kostnadsrad 3).' })
        .count(),
    ).toBe(1)
    expect(await undo.evaluate((button) => button === document.activeElement)).toBe(true)
    expect(await budget.getByLabel('Kostnadsslag, kostnadsrad 3').count()).toBe(0)
    await undo.click()
    await expect
      .poll(() => valueOf(first, 'budget', 'Kostnadsslag, kostnadsrad 3'), { timeout: 5_000 })
      .toBe('Resor')
    await budget.getByRole('button', { name: 'Ta bort ”Resor” (kostnadsrad 3)' }).click()
    await expect
      .poll(() => budget.getByLabel('Kostnadsslag, kostnadsrad 3').count(), { timeout: 5_000 })
      .toBe(0)

    // Indicators: the editor and the coordinator fill different cells of one row.
    const indicators = section(first, 'indikatorer')
    await indicators.getByRole('button', { name: 'Lägg till indikator' }).click()
    await section(second, 'indikatorer')
      .getByLabel('Målvärde, indikatorrad 1', { exact: true })
      .waitFor({ timeout: 10_000 })
    await Promise.all([
      (async () => {
        await indicators
          .getByLabel('Mål, indikatorrad 1', { exact: true })
          .fill('Fler deltagare går till arbete eller studier')
        await indicators
          .getByLabel('Indikator, indikatorrad 1', { exact: true })
          .fill('Andel deltagare i arbete eller studier')
        await indicators.getByLabel('Utgångsläge, indikatorrad 1', { exact: true }).fill('10 %')
        await indicators.getByLabel('Redovisas per kön, indikatorrad 1', { exact: true }).check()
      })(),
      section(second, 'indikatorer')
        .getByLabel('Målvärde, indikatorrad 1', { exact: true })
        .fill('35 %'),
    ])

    // The second browser sees everything live, and the first sees the coordinator's cell.
    await expect
      .poll(() => valueOf(second, 'deltagare', 'Antal kvinnor'), { timeout: 10_000 })
      .toBe('24')
    await expect
      .poll(() => valueOf(second, 'deltagare', 'Totalt antal deltagare'), { timeout: 10_000 })
      .toBe('40')
    await expect
      .poll(() => valueOf(second, 'budget', 'Belopp (kr), kostnadsrad 1'), { timeout: 10_000 })
      .toBe('800 000')
    await expect
      .poll(() => valueOf(second, 'budget', 'Finansiär, finansiär 2'), { timeout: 10_000 })
      .toBe('Samordningsförbundet')
    await expect
      .poll(() => section(second, 'budget').getByTestId('cofinancing-share').textContent(), {
        timeout: 10_000,
      })
      .toBe('40,0 %')
    await expect
      .poll(() => valueOf(second, 'indikatorer', 'Utgångsläge, indikatorrad 1'), {
        timeout: 10_000,
      })
      .toBe('10 %')
    await expect
      .poll(() => valueOf(first, 'indikatorer', 'Målvärde, indikatorrad 1'), { timeout: 10_000 })
      .toBe('35 %')
    expect(
      await section(second, 'indikatorer')
        .getByLabel('Redovisas per kön, indikatorrad 1', { exact: true })
        .isChecked(),
    ).toBe(true)

    // The overview's dates are the project period the plan panel shows.
    const overview = section(first, 'oversikt')
    await overview.getByLabel('Startdatum', { exact: true }).fill('2026-01-01')
    await overview.getByLabel('Slutdatum', { exact: true }).fill('2027-12-31')
    await expect
      .poll(() => second.getByLabel('Projektets första månad', { exact: true }).inputValue(), {
        timeout: 10_000,
      })
      .toBe('2026-01')
    await expect
      .poll(() => valueOf(second, 'oversikt', 'Slutdatum'), { timeout: 10_000 })
      .toBe('2027-12-31')

    expect(await seriousViolations(first)).toEqual([])

    // The analyst runs the checks: participants, budget and the indicator table pass.
    const page = await openAs(analyst.email)
    const panel = page.getByRole('region', { name: 'Kontroll av horisontella principer' })
    await panel.getByRole('button', { name: 'Kör kontroll' }).click()
    for (const id of ['J4', 'A4', 'A3', 'J3']) {
      const item = panel.getByTestId(`check-${id}`)
      await expect
        .poll(() => item.locator('.checks-status').textContent(), { timeout: 10_000 })
        .toBe('Uppfylld')
    }
    expect(await panel.getByTestId('check-A4').textContent()).toContain(
      'medfinansieringen är 40,0 %',
    )
    // Analysts read the values but cannot change them.
    expect(
      await section(page, 'budget')
        .getByLabel('Belopp (kr), kostnadsrad 1', { exact: true })
        .getAttribute('readonly'),
    ).not.toBeNull()
  })

  it('a project date whose year is typed again digit by digit is stored only once whole, and nobody\'s page breaks', async () => {
    const first = await openAs(editor.email)
    const second = await openAs(fixture.coordinator.email)
    const errors: string[] = []
    for (const page of [first, second]) page.on('pageerror', (error) => errors.push(error.message))
    const start = section(first, 'oversikt').getByLabel('Startdatum', { exact: true })
    await start.fill('2027-01-01')
    await section(first, 'oversikt').getByLabel('Slutdatum', { exact: true }).fill('2028-12-31')
    await expect.poll(() => valueOf(second, 'oversikt', 'Startdatum'), { timeout: 10_000 }).toBe('2027-01-01')
    // The QA walk's steps: a click in the field's middle lands in its year (mm/dd/yyyy here), then a year.
    await start.click()
    await first.keyboard.type('2026')
    await expect.poll(() => valueOf(second, 'oversikt', 'Startdatum'), { timeout: 10_000 }).toBe('2026-01-01')
    for (const page of [first, second])
      expect(await page.getByRole('heading', { name: 'Deltagare', exact: true }).count()).toBe(1)
    // A digit too many ("20265") is no date: it is not stored, and the field says so while it shows it.
    await start.click()
    await first.keyboard.type('20265')
    const hint = section(first, 'oversikt').getByText('Datumet sparas när året har fyra siffror (ÅÅÅÅ-MM-DD). Det du ser nu är inte sparat.')
    await hint.waitFor({ timeout: 5_000 })
    expect(await start.getAttribute('aria-invalid')).toBe('true')
    // Leaving the field shows what is stored again.
    await section(first, 'oversikt').getByLabel('Projektets namn (högst 150 tecken)', { exact: true }).focus()
    await expect.poll(() => start.inputValue(), { timeout: 5_000 }).toBe('2026-01-01')
    expect(await valueOf(second, 'oversikt', 'Startdatum')).toBe('2026-01-01')
    expect(errors).toEqual([])
    await first.context().close()
    await second.context().close()
  })

  it('says when a pasted project name was cut at its 150 characters, until it is shortened', async () => {
    const page = await openAs(editor.email)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    const name = section(page, 'oversikt').getByLabel('Projektets namn (högst 150 tecken)', { exact: true })
    const pasted = `Samverkan för arbete ${'och hälsa '.repeat(20)}i Dalarna`
    await page.evaluate((text) => navigator.clipboard.writeText(text), pasted)
    await name.click()
    await page.keyboard.press('Control+V')
    await expect.poll(() => name.inputValue(), { timeout: 5_000 }).toBe(pasted.slice(0, 150))
    const describedBy = (await name.getAttribute('aria-describedby')) ?? ''
    const notice = page.locator(`[id="${describedBy}"]`)
    expect(await notice.textContent()).toBe('Texten var för lång och kortades till 150 tecken. Kontrollera slutet.')
    await page.keyboard.press('Backspace')
    await expect.poll(() => notice.textContent(), { timeout: 5_000 }).toBe('1 tecken kvar av 150.')
    await page.context().close()
  })

  it('a viewer sees the form read-only, and an editor too once the section is locked', async () => {
    const page = await openAs(viewer.email)
    const participants = section(page, 'deltagare')
    const women = participants.getByLabel('Antal kvinnor', { exact: true })
    await expect.poll(() => women.inputValue(), { timeout: 10_000 }).toBe('24')
    expect(await women.getAttribute('readonly')).not.toBeNull()
    await women.press('Backspace')
    expect(await women.inputValue()).toBe('24')
    expect(
      await participants.getByText('Du kan läsa uppgifterna men inte ändra dem.').count(),
    ).toBe(1)
    expect(
      await section(page, 'budget')
        .getByRole('button', { name: /Lägg till|Ta bort/ })
        .count(),
    ).toBe(0)
    expect(
      await section(page, 'indikatorer')
        .getByLabel('Redovisas per kön, indikatorrad 1', { exact: true })
        .isDisabled(),
    ).toBe(true)
    expect(await seriousViolations(page)).toEqual([])

    const editorPage = await openAs(editor.email)
    const editorWomen = section(editorPage, 'deltagare').getByLabel('Antal kvinnor', {
      exact: true,
    })
    expect(await editorWomen.getAttribute('readonly')).toBeNull()
    const deltagare = fixture.sections.find((candidate) => candidate.key === 'deltagare')!
    const locked = await call(
      server.url,
      'POST',
      `/api/documents/${fixture.documentId}/sections/${deltagare.id}/lock`,
      fixture.coordinator.token,
      { reason: 'Granskas' },
    )
    expect(locked.status).toBeLessThan(300)
    await expect
      .poll(() => editorWomen.getAttribute('readonly'), { timeout: 10_000 })
      .not.toBeNull()
    expect(
      await section(editorPage, 'deltagare')
        .getByText('Avsnittet är låst för granskning: uppgifterna kan inte ändras.')
        .count(),
    ).toBe(1)
  })
})
