import type { Browser, Page } from 'playwright-core'
import { addActivity, readPlan, readProjectPeriod, setProjectPeriod } from '@samskriv/plan'
import type { ActivityInput, ProjectPeriodSource } from '@samskriv/plan'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { newClient, type TestClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

// What a QA walk of the färdplan found: the timeline's order and reading, a backwards project
// period that was stored, the new-activity form's missing phase and silence, Escape in the
// outside actor's name.

let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const activity = (title: string, start: string, extra: Partial<ActivityInput> = {}): ActivityInput => ({
  title, description: '', owner: null, start, end: start, status: 'planerad', phase: '', links: [], recurrence: null, ...extra,
})

/** A färdplan with an editor besides its coordinator, and a Node client that seeded its plan. */
async function planWith(activities: ActivityInput[]): Promise<{ fixture: Fixture; editor: TestUser; client: TestClient; source: ProjectPeriodSource }> {
  const fixture = await newFixture(server.url, 'fardplan')
  const editor = await fixture.addMember('editor', 'Elsa Editor')
  const client = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  for (const input of activities) addActivity(client.doc, input)
  const plan = fixture.sections.find((section) => section.key === 'aktivitetsplan')!
  return { fixture, editor, client, source: { sectionId: plan.id, startKey: 'periodStart', endKey: 'periodEnd' } }
}

async function openPlan(fixture: Fixture, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await logIn(page, server.url, email)
  await openDocument(page, server.url, fixture.documentId)
  await page.getByRole('heading', { name: 'Tids- och aktivitetsplan' }).waitFor({ timeout: 10_000 })
  return page
}

const isFocused = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((element) => element === document.activeElement)

/**
 * A barrier: the page changes row 1's status and the Node client sees it. The page's updates go
 * out on one socket, in order, so any write it made before (one that should not happen) has
 * reached the client by then too.
 */
async function settle(page: Page, client: TestClient): Promise<void> {
  const title = await page.getByLabel('Aktivitet, rad 1', { exact: true }).inputValue()
  const status = page.getByLabel('Status, rad 1', { exact: true })
  const next = (await status.inputValue()) === 'pagar' ? 'planerad' : 'pagar'
  await status.selectOption(next)
  await expect.poll(() => readPlan(client.doc).find((entry) => entry.title === title)?.status, { timeout: 10_000 }).toBe(next)
}

const MEETING = 'Månadsmöte med förbundscheferna'

describe('the timeline', () => {
  it('lists phases by their earliest start ("Utan fas" last) and rows by start, keeps words whole in narrow bars, and says a one-month bar’s month once', async () => {
    // Added in the order the QA walk found them: the first phase in time came last.
    const { fixture, client } = await planWith([
      activity(MEETING, '2025-11', { phase: 'Löpande', end: '2026-09', recurrence: { every: 'month' } }),
      activity('Intervjuer', '2026-02', { phase: 'Analys', end: '2026-03' }),
      activity('Enkät', '2026-01', { phase: 'Analys' }),
      activity('Slutrapport', '2026-09', { phase: 'Avslut' }),
      activity('Nyhetsbrev', '2025-10'),
      activity('Kartläggning', '2025-10', { phase: 'Inledande fas', end: '2025-12' }),
      activity('Uppstartsmöte', '2025-10', { phase: 'Inledande fas' }),
    ])
    const page = await openPlan(fixture, fixture.coordinator.email)
    await page.getByTestId('timeline-bar').filter({ hasText: 'Uppstartsmöte' }).waitFor({ timeout: 10_000 })

    expect(await page.locator('.plan-timeline__phase').allTextContents()).toEqual(['Inledande fas', 'Löpande', 'Analys', 'Avslut', 'Utan fas'])
    // Within a phase by start, then end: the one-month start-up meeting before the three-month survey.
    expect(await page.locator('.plan-timeline__title').allTextContents())
      .toEqual(['Uppstartsmöte', 'Kartläggning', MEETING, 'Enkät', 'Intervjuer', 'Slutrapport', 'Nyhetsbrev'])

    // One month is read once; a longer bar still reads from–to.
    const startUp = await page.getByTestId('timeline-bar').filter({ hasText: 'Uppstartsmöte' }).textContent()
    expect(startUp).toContain('Uppstartsmöte, oktober 2025, status Planerad')
    expect(startUp).not.toContain('oktober 2025–oktober 2025')
    expect(await page.getByTestId('timeline-bar').filter({ hasText: 'Kartläggning' }).textContent()).toContain(', oktober 2025–december 2025, status')

    // No word of a one-month bar's title is split over two lines ("Månads möte med förbund schefer na").
    const split = await page.locator('.plan-timeline__bar-title', { hasText: MEETING }).evaluateAll((titles) =>
      titles.flatMap((title) => {
        const text = title.firstChild as Text
        return [...text.data.matchAll(/\S+/g)].flatMap((word) => {
          const range = document.createRange()
          range.setStart(text, word.index)
          range.setEnd(text, word.index + word[0].length)
          const lines = new Set(Array.from(range.getClientRects()).filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)))
          return lines.size > 1 ? [word[0]] : []
        })
      }),
    )
    expect(split).toEqual([])
    expect(await seriousViolations(page)).toEqual([])
    client.destroy()
  })
})

describe('the project period', () => {
  it('is not stored ending before it starts: the field is marked, keeps focus and says what to do; a period moved last month first is stored', async () => {
    const { fixture, client, source } = await planWith([activity('Kartläggning', '2025-11')])
    setProjectPeriod(client.doc, source, { start: '2025-10', end: '2026-09' })
    const page = await openPlan(fixture, fixture.coordinator.email)
    const first = page.getByLabel('Projektets första månad', { exact: true })
    const last = page.getByLabel('Projektets sista månad', { exact: true })
    await expect.poll(() => last.inputValue(), { timeout: 10_000 }).toBe('2026-09')

    await last.fill('2025-06')
    const alert = page.locator('.plan-period').getByRole('alert')
    await alert.waitFor({ timeout: 5_000 })
    expect(await alert.textContent()).toBe(
      'Sista månaden sparades inte: juni 2025 ligger före projektets första månad, oktober 2025. Ska hela perioden flyttas tidigare? Ändra den första månaden först.',
    )
    expect(await last.getAttribute('aria-invalid')).toBe('true')
    expect(await last.getAttribute('aria-describedby')).toBe(await alert.getAttribute('id'))
    expect(await first.getAttribute('aria-invalid')).toBeNull()
    expect(await isFocused(page, 'Projektets sista månad')).toBe(true)
    await settle(page, client)
    expect(readProjectPeriod(client.doc, source)).toEqual({ start: '2025-10', end: '2026-09' })
    // The activity is not reported outside a period that was never stored.
    expect(await page.locator('.plan-issues').count()).toBe(0)

    // Leaving the field shows the stored month again; the message stays until a month is stored.
    await first.focus()
    expect(await last.inputValue()).toBe('2026-09')
    expect(await alert.count()).toBe(1)
    await settle(page, client)
    expect(readProjectPeriod(client.doc, source).end).toBe('2026-09')

    // The whole period a year later, last month first: each step leaves the period whole.
    await last.fill('2027-09')
    await expect.poll(() => readProjectPeriod(client.doc, source).end, { timeout: 10_000 }).toBe('2027-09')
    expect(await alert.count()).toBe(0)
    expect(await last.getAttribute('aria-invalid')).toBeNull()
    await first.fill('2026-10')
    await expect.poll(() => readProjectPeriod(client.doc, source).start, { timeout: 10_000 }).toBe('2026-10')

    // First month first, past the last month: refused, with the way round it.
    await first.fill('2028-01')
    await alert.waitFor({ timeout: 5_000 })
    expect(await alert.textContent()).toBe(
      'Första månaden sparades inte: januari 2028 ligger efter projektets sista månad, september 2027. Ska hela perioden flyttas senare? Ändra den sista månaden först.',
    )
    expect(await first.getAttribute('aria-invalid')).toBe('true')
    expect(await isFocused(page, 'Projektets första månad')).toBe(true)
    expect(await seriousViolations(page)).toEqual([])
    await settle(page, client)
    expect(readProjectPeriod(client.doc, source)).toEqual({ start: '2026-10', end: '2027-09' })
    client.destroy()
  })
})

describe('the new-activity form', () => {
  it('sets the phase from the plan’s phases or a new one, and says what it added', async () => {
    const { fixture, client } = await planWith([
      activity('Kartläggning', '2025-10', { phase: 'Inledande fas' }),
      activity('Enkät', '2025-11', { phase: 'Analys' }),
      activity('Uppstartsmöte', '2025-10', { phase: 'Inledande fas' }),
    ])
    const page = await openPlan(fixture, fixture.coordinator.email)
    const form = page.getByRole('form', { name: 'Ny aktivitet' })
    const phase = form.getByLabel('Fas', { exact: true })
    // The plan's phases are offered, each once.
    const offered = await phase.evaluate((input) => Array.from((input as HTMLInputElement).list?.options ?? [], (option) => option.value))
    expect(offered).toEqual(['Analys', 'Inledande fas'])
    // The status message's region is there before its message, so the message is read.
    const status = form.getByRole('status')
    expect(await status.textContent()).toBe('')

    await form.getByLabel('Aktivitet', { exact: true }).fill('Intervjuer')
    await phase.fill('Analys')
    await form.getByLabel('Start', { exact: true }).fill('2025-12')
    await form.getByLabel('Slut', { exact: true }).fill('2026-01')
    await form.getByRole('button', { name: 'Lägg till aktivitet' }).click()
    await expect.poll(() => readPlan(client.doc).find((entry) => entry.title === 'Intervjuer')?.phase, { timeout: 10_000 }).toBe('Analys')
    expect(await status.textContent()).toBe('Aktiviteten ”Intervjuer” lades till.')
    // The phase stays for the next activity, as the months and the owner do.
    expect(await phase.inputValue()).toBe('Analys')
    expect(await seriousViolations(page)).toEqual([])

    // A new phase; typing the next title clears the message, so the same words are read again.
    await form.getByLabel('Aktivitet', { exact: true }).fill('Slutrapport')
    expect(await status.textContent()).toBe('')
    await phase.fill('  Avslut ')
    await form.getByRole('button', { name: 'Lägg till aktivitet' }).click()
    await expect.poll(() => readPlan(client.doc).find((entry) => entry.title === 'Slutrapport')?.phase, { timeout: 10_000 }).toBe('Avslut')
    expect(await status.textContent()).toBe('Aktiviteten ”Slutrapport” lades till.')
    await expect.poll(() => page.locator('.plan-timeline__phase').allTextContents(), { timeout: 10_000 }).toEqual(['Inledande fas', 'Analys', 'Avslut'])
    client.destroy()
  })
})

describe('an outside actor’s name', () => {
  it('is cancelled by Escape: nothing is stored, the earlier owner is back, and the next activity does not get the name', async () => {
    const { fixture, client } = await planWith([activity('Styrgruppsmöte', '2025-10', { owner: { kind: 'external', name: 'Region Skåne' } })])
    const page = await openPlan(fixture, fixture.coordinator.email)
    const form = page.getByRole('form', { name: 'Ny aktivitet' })
    const owner = form.getByLabel('Ansvarig', { exact: true })
    await owner.locator('option', { hasText: 'Elsa Editor' }).waitFor({ state: 'attached', timeout: 10_000 })
    await owner.selectOption({ label: 'Elsa Editor' })

    await owner.selectOption({ label: 'Annan aktör…' })
    const name = form.getByLabel('Ansvarig, annan aktör', { exact: true })
    await name.click()
    await page.keyboard.type('Region Halland')
    await page.keyboard.press('Escape')
    expect(await name.count()).toBe(0)
    expect(await owner.evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Elsa Editor')
    expect(await isFocused(page, 'Ansvarig')).toBe(true)

    await form.getByLabel('Aktivitet', { exact: true }).fill('Enkät')
    await form.getByLabel('Start', { exact: true }).fill('2025-11')
    await form.getByLabel('Slut', { exact: true }).fill('2025-11')
    await form.getByRole('button', { name: 'Lägg till aktivitet' }).click()
    await expect.poll(() => readPlan(client.doc).find((entry) => entry.title === 'Enkät')?.owner, { timeout: 10_000 })
      .toMatchObject({ kind: 'member', name: 'Elsa Editor' })

    // In a row: the stored name comes back and leaving the field stores nothing.
    const rowName = page.getByLabel('Ansvarig, rad 1, annan aktör', { exact: true })
    expect(await rowName.inputValue()).toBe('Region Skåne')
    await rowName.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' och Halland')
    await page.keyboard.press('Escape')
    expect(await rowName.inputValue()).toBe('Region Skåne')
    await page.keyboard.press('Tab')
    await settle(page, client)
    expect(readPlan(client.doc).find((entry) => entry.title === 'Styrgruppsmöte')?.owner).toEqual({ kind: 'external', name: 'Region Skåne' })
    client.destroy()
  })
})
