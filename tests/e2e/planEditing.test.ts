import type { Browser, Page } from 'playwright-core'
import { addActivity, readPlan, readProjectPeriod, removeActivity, setProjectPeriod, updateActivity } from '@samskriv/plan'
import type { ProjectPeriod, ProjectPeriodSource } from '@samskriv/plan'
import type { ActivityInput } from '@samskriv/plan'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { newClient, type TestClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

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
async function planWith(activities: ActivityInput[]): Promise<{ fixture: Fixture; editor: TestUser; client: TestClient }> {
  const fixture = await newFixture(server.url, 'fardplan')
  const editor = await fixture.addMember('editor', 'Elsa Editor')
  const client = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
  for (const input of activities) addActivity(client.doc, input)
  return { fixture, editor, client }
}

async function openPlan(fixture: Fixture, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage()
  await logIn(page, server.url, email)
  await openDocument(page, server.url, fixture.documentId)
  await page.getByRole('heading', { name: 'Tids- och aktivitetsplan' }).waitFor({ timeout: 10_000 })
  return page
}

const rowTitles = (page: Page) =>
  page.locator('.plan-table tbody [aria-label^="Aktivitet, rad"]').evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value))

/** The accessible name and value of the focused element, and the title of its table row. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null
    const row = element?.closest('tr')
    const title = row?.querySelector<HTMLTextAreaElement>('[aria-label^="Aktivitet, rad"]')?.value ?? null
    return { label: element?.getAttribute('aria-label') ?? element?.textContent ?? null, value: element?.value ?? null, rowTitle: title }
  })

describe('removing an activity', () => {
  it('offers "Ångra", which brings the activity back with its values and place for the other user too, and undoes nothing else', async () => {
    const { fixture, editor, client } = await planWith([
      activity('Kartläggning', '2025-01'),
      activity('Workshop med brukare', '2025-02', {
        owner: { kind: 'external', name: 'Region Värmland' }, status: 'pagar', phase: 'Analys', description: 'Två träffar',
      }),
      activity('Delrapport', '2025-03'),
    ])
    const order = readPlan(client.doc).map((entry) => entry.id)
    const first = await openPlan(fixture, fixture.coordinator.email)
    const second = await openPlan(fixture, editor.email)
    await expect.poll(() => rowTitles(second), { timeout: 10_000 }).toEqual(['Kartläggning', 'Workshop med brukare', 'Delrapport'])

    await second.getByRole('button', { name: 'Ta bort Workshop med brukare' }).click()
    await expect.poll(() => rowTitles(first), { timeout: 10_000 }).toEqual(['Kartläggning', 'Delrapport'])
    // Announced in a status region, with focus on the undo button.
    const status = second.getByRole('status').filter({ hasText: 'Aktiviteten ”Workshop med brukare” togs bort.' })
    expect(await status.count()).toBe(1)
    const undo = second.getByRole('button', { name: 'Ångra borttagningen av ”Workshop med brukare”' })
    expect(await undo.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(await seriousViolations(second)).toEqual([])

    // Meanwhile the other user edits another activity: the undo must keep that.
    const other = order[2]!
    updateActivity(client.doc, other, { title: 'Delrapport till styrgruppen' })
    await expect.poll(() => rowTitles(second), { timeout: 10_000 }).toContain('Delrapport till styrgruppen')

    await second.keyboard.press('Enter')
    for (const page of [first, second]) {
      await expect.poll(() => rowTitles(page), { timeout: 10_000 }).toEqual(['Kartläggning', 'Workshop med brukare', 'Delrapport till styrgruppen'])
    }
    await second.getByRole('status').filter({ hasText: 'Aktiviteten ”Workshop med brukare” är tillbaka.' }).waitFor({ timeout: 5_000 })
    expect(await focused(second)).toMatchObject({ label: 'Aktivitet, rad 2', rowTitle: 'Workshop med brukare' })
    expect(await first.getByLabel('Status, rad 2', { exact: true }).inputValue()).toBe('pagar')
    expect(await first.getByLabel('Fas, rad 2', { exact: true }).inputValue()).toBe('Analys')
    expect(await first.getByLabel('Ansvarig, rad 2, annan aktör', { exact: true }).inputValue()).toBe('Region Värmland')

    // In the stored plan it is back in its place, with every value, and the other edit stays.
    await expect.poll(() => readPlan(client.doc).map((entry) => entry.id), { timeout: 10_000 }).toEqual(order)
    expect(readPlan(client.doc)[1]).toMatchObject({
      title: 'Workshop med brukare', owner: { kind: 'external', name: 'Region Värmland' }, status: 'pagar', phase: 'Analys', description: 'Två träffar',
    })
    expect(readPlan(client.doc)[2]?.title).toBe('Delrapport till styrgruppen')
    client.destroy()
  })
})

describe('editing a row', () => {
  it('keeps the row in place while its start month is edited, shows others’ changes meanwhile, and sorts when focus leaves the table', async () => {
    const { fixture, client } = await planWith([activity('Januari', '2025-01'), activity('Februari', '2025-02'), activity('Mars', '2025-03')])
    const page = await openPlan(fixture, fixture.coordinator.email)
    await expect.poll(() => rowTitles(page), { timeout: 10_000 }).toEqual(['Januari', 'Februari', 'Mars'])

    const start = page.getByLabel('Start, rad 3', { exact: true })
    await start.focus()
    await start.fill('2024-12')
    await expect.poll(() => readPlan(client.doc).find((entry) => entry.title === 'Mars')?.start, { timeout: 10_000 }).toBe('2024-12')
    // Another user's edit arrives while the order holds still.
    const january = readPlan(client.doc).find((entry) => entry.title === 'Januari')!.id
    updateActivity(client.doc, january, { title: 'Januari (ändrad)' })
    await expect.poll(() => rowTitles(page), { timeout: 10_000 }).toEqual(['Januari (ändrad)', 'Februari', 'Mars'])
    expect(await focused(page)).toMatchObject({ label: 'Start, rad 3', value: '2024-12', rowTitle: 'Mars' })

    // Tabbing on within the table keeps the order too (Tab first steps through the month field's parts).
    for (let presses = 0; presses < 3 && (await focused(page)).label === 'Start, rad 3'; presses++) await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ label: 'Slut, rad 3', rowTitle: 'Mars' })
    expect(await rowTitles(page)).toEqual(['Januari (ändrad)', 'Februari', 'Mars'])

    // Out of the table: sorted by start again.
    await page.getByLabel('Filtrera på status', { exact: true }).focus()
    await expect.poll(() => rowTitles(page), { timeout: 5_000 }).toEqual(['Mars', 'Januari (ändrad)', 'Februari'])
    expect(await seriousViolations(page)).toEqual([])
    client.destroy()
  })
})

const LONG_TITLE = 'Gemensam kartläggning av samverkan mellan Försäkringskassan, Arbetsförmedlingen och kommunerna i länet'

describe('reading the plan', () => {
  it('says each bar’s status in words, capitalised, and shows long titles whole; the new-activity form sets owner and status', async () => {
    const { fixture, client } = await planWith([activity(LONG_TITLE, '2025-01', { status: 'pagar' }), activity('Avslut', '2025-02', { status: 'klar' })])
    const page = await openPlan(fixture, fixture.coordinator.email)
    const bar = page.getByTestId('timeline-bar').filter({ hasText: 'Avslut' })
    await bar.waitFor({ timeout: 10_000 })
    // Visible text, not only colour, and read out with the bar.
    const status = bar.locator('.plan-timeline__bar-status')
    expect(await status.isVisible()).toBe(true)
    expect(await status.textContent()).toBe('Klar')
    expect(await bar.textContent()).toContain('status Klar')
    expect(await page.getByTestId('timeline-bar').filter({ hasText: 'Gemensam' }).textContent()).toContain('status Pågår')
    expect(await page.getByLabel('Status, rad 1', { exact: true }).locator('option').allTextContents()).toEqual(['Planerad', 'Pågår', 'Klar', 'Inställd'])

    // A long title wraps in its field instead of being cut off.
    const title = page.getByLabel('Aktivitet, rad 1', { exact: true })
    expect(await title.inputValue()).toBe(LONG_TITLE)
    const overflow = await title.evaluate((element) => ({
      height: element.scrollHeight - element.clientHeight, width: element.scrollWidth - element.clientWidth,
    }))
    expect(overflow.height).toBeLessThanOrEqual(1)
    expect(overflow.width).toBeLessThanOrEqual(1)
    expect(await page.locator('.plan-timeline__title', { hasText: 'Gemensam' }).evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(1)
    // One landmark named "Tidslinje", the scrolling one (axe: landmark-unique).
    expect(await page.getByRole('region', { name: 'Tidslinje', exact: true }).count()).toBe(1)
    expect(await page.getByRole('region', { name: 'Tidslinje', exact: true }).getAttribute('tabindex')).toBe('0')

    const form = page.getByRole('form', { name: 'Ny aktivitet' })
    await form.getByLabel('Aktivitet', { exact: true }).fill('Styrgruppsmöte')
    await form.getByLabel('Start', { exact: true }).fill('2025-03')
    await form.getByLabel('Slut', { exact: true }).fill('2025-03')
    await form.getByLabel('Ansvarig', { exact: true }).selectOption({ label: 'Annan aktör…' })
    await form.getByLabel('Ansvarig, annan aktör', { exact: true }).fill('Region Skåne')
    await form.getByLabel('Status', { exact: true }).selectOption({ label: 'Pågår' })
    expect(await seriousViolations(page)).toEqual([])
    await form.getByRole('button', { name: 'Lägg till aktivitet' }).click()
    await expect.poll(() => readPlan(client.doc).find((entry) => entry.title === 'Styrgruppsmöte'), { timeout: 10_000 })
      .toMatchObject({ owner: { kind: 'external', name: 'Region Skåne' }, status: 'pagar' })
    expect(await page.getByLabel('Status, rad 3', { exact: true }).inputValue()).toBe('pagar')
    client.destroy()
  })
})

describe('where the plan is', () => {
  it('follows the text of its own section, "Aktivitetsplan", before the next section', async () => {
    const { fixture, client } = await planWith([activity('Uppstartsmöte', '2026-01')])
    const page = await openPlan(fixture, fixture.coordinator.email)
    const planIndex = fixture.sections.findIndex((section) => section.key === 'aktivitetsplan')
    const [own, next] = [fixture.sections[planIndex]!, fixture.sections[planIndex + 1]!]
    // Document order of the plan's heading against the two sections' containers.
    const order = await page.evaluate(
      ({ ownId, nextId }) => {
        const plan = Array.from(document.querySelectorAll('h2')).find((heading) => heading.textContent === 'Tids- och aktivitetsplan')!
        const follows = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)
        return { afterOwn: follows(document.getElementById(`section-${ownId}`)!, plan), beforeNext: follows(plan, document.getElementById(`section-${nextId}`)!) }
      },
      { ownId: own.id, nextId: next.id },
    )
    expect(order).toEqual({ afterOwn: true, beforeNext: true })
    client.destroy()
  })
})

/** Where a färdplan keeps its project period: on its plan section. */
function periodSource(fixture: Fixture): ProjectPeriodSource {
  const plan = fixture.sections.find((section) => section.key === 'aktivitetsplan')!
  return { sectionId: plan.id, startKey: 'periodStart', endKey: 'periodEnd' }
}

describe('the plan’s landmark', () => {
  it('is named apart from its section when the section has the plan’s name (ESF+), so no two landmarks share a name', async () => {
    const fixture = await newFixture(server.url, 'esf-projektide')
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, fixture.coordinator.email)
    await openDocument(page, server.url, fixture.documentId)
    const panel = page.getByRole('region', { name: 'Tids- och aktivitetsplan: aktiviteter', exact: true })
    await panel.waitFor({ timeout: 10_000 })
    expect(await page.getByRole('region', { name: 'Tids- och aktivitetsplan', exact: true }).count()).toBe(1)
    const names = await page.locator('section[aria-labelledby], [role="region"][aria-labelledby]').evaluateAll((regions) =>
      regions.map((region) => document.getElementById(region.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? ''))
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([])
    await page.context().close()
  })
})

describe('the new-activity form’s months', () => {
  it('suggest a month in the project period, and a month that is not one is named and marked, not added', async () => {
    const { fixture, client } = await planWith([])
    setProjectPeriod(client.doc, periodSource(fixture), { start: '2031-01', end: '2032-12' })
    const page = await openPlan(fixture, fixture.coordinator.email)
    const form = page.getByRole('form', { name: 'Ny aktivitet' })
    const start = form.getByLabel('Start', { exact: true })
    await expect.poll(() => start.inputValue(), { timeout: 10_000 }).toBe('2031-01')
    expect(await form.getByLabel('Slut', { exact: true }).inputValue()).toBe('2031-01')

    await form.getByLabel('Aktivitet', { exact: true }).fill('Baslinjemätning')
    // A browser's month field takes a six-digit year, as a slip of the keyboard gives.
    await start.fill('203101-03')
    await form.getByRole('button', { name: 'Lägg till aktivitet' }).click()
    await form.getByRole('alert').waitFor({ timeout: 5_000 })
    expect(await form.getByRole('alert').textContent()).toContain('Startmånaden är inte en månad')
    expect(await start.getAttribute('aria-invalid')).toBe('true')
    expect(await start.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(readPlan(client.doc)).toEqual([])

    await start.fill('2031-03')
    await form.getByLabel('Slut', { exact: true }).fill('2031-05')
    await form.getByRole('button', { name: 'Lägg till aktivitet' }).click()
    await expect.poll(() => readPlan(client.doc).map(({ title, start, end }) => ({ title, start, end })), { timeout: 10_000 })
      .toEqual([{ title: 'Baslinjemätning', start: '2031-03', end: '2031-05' }])
    expect(await start.getAttribute('aria-invalid')).toBeNull()
    client.destroy()
  })
})

describe('typing a month', () => {
  it('takes a year typed digit by digit in the period and in a row, writes no half-typed month, and clears only an emptied field', async () => {
    const { fixture, editor, client } = await planWith([activity('Kickoff', '2025-03')])
    const source = periodSource(fixture)
    // The last month lies past the first month typed below: a period that ends before it starts is not stored.
    setProjectPeriod(client.doc, source, { start: '2025-01', end: '2027-12' })
    // Every period the other user's document holds while this user types.
    const seen: ProjectPeriod[] = []
    client.doc.getMap('fields').observeDeep(() => seen.push(readProjectPeriod(client.doc, source)))
    const page = await openPlan(fixture, fixture.coordinator.email)
    const other = await openPlan(fixture, editor.email)
    const first = page.getByLabel('Projektets första månad', { exact: true })
    await expect.poll(() => first.inputValue(), { timeout: 10_000 }).toBe('2025-01')

    // The month part first, then Tab to the year part and type it.
    await first.focus()
    await page.keyboard.press('Tab')
    await page.keyboard.type('2027')
    await expect.poll(() => readProjectPeriod(client.doc, source).start, { timeout: 10_000 }).toBe('2027-01')
    expect(await first.inputValue()).toBe('2027-01')
    expect(seen.filter((period) => period.start !== '2025-01' && period.start !== '2027-01')).toEqual([])
    await expect.poll(() => other.getByLabel('Projektets första månad', { exact: true }).inputValue(), { timeout: 10_000 }).toBe('2027-01')

    // A plan row's start: the year can be typed, and a half-typed one goes back to the stored month on leaving.
    const start = page.getByLabel('Start, rad 1', { exact: true })
    await start.focus()
    await page.keyboard.press('Tab')
    await page.keyboard.type('2026')
    await expect.poll(() => readPlan(client.doc)[0]?.start, { timeout: 10_000 }).toBe('2026-03')
    expect(await start.inputValue()).toBe('2026-03')
    const end = page.getByLabel('Slut, rad 1', { exact: true })
    await end.focus()
    await page.keyboard.press('Tab')
    await page.keyboard.type('20')
    await page.getByLabel('Filtrera på status', { exact: true }).focus()
    expect(await end.inputValue()).toBe('2025-03')
    expect(readPlan(client.doc)[0]?.end).toBe('2025-03')

    // Emptying both parts of the last month and leaving the field clears it, for everyone.
    const last = page.getByLabel('Projektets sista månad', { exact: true })
    await last.focus()
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Backspace')
    expect(readProjectPeriod(client.doc, source).end).toBe('2027-12')
    await first.focus()
    await expect.poll(() => readProjectPeriod(client.doc, source).end, { timeout: 10_000 }).toBe(null)
    expect(readProjectPeriod(client.doc, source).start).toBe('2027-01')
    client.destroy()
  })
})

describe('a repeating activity', () => {
  it('is made in the table and in the new-activity form: the series shows one bar per month or quarter, for the other user too, and stops repeating on "Nej"', async () => {
    const { fixture, editor, client } = await planWith([activity('Förbundschefsmöte', '2025-01', { end: '2025-06' })])
    const coordinator = await openPlan(fixture, fixture.coordinator.email)
    const reader = await openPlan(fixture, editor.email)
    const bars = (page: Page, title: string) => page.getByTestId('timeline-bar').filter({ hasText: title }).count()
    await expect.poll(() => bars(reader, 'Förbundschefsmöte'), { timeout: 10_000 }).toBe(1)

    const repeats = coordinator.getByLabel('Upprepas, rad 1', { exact: true })
    await expect.poll(() => repeats.locator('option').allTextContents(), { timeout: 10_000 }).toEqual(['Nej', 'Varje månad', 'Varje kvartal'])
    await repeats.selectOption({ label: 'Varje månad' })
    await expect.poll(() => readPlan(client.doc)[0]?.recurrence, { timeout: 10_000 }).toEqual({ every: 'month' })
    // January to June, one bar a month, in the other user's timeline and table.
    await expect.poll(() => bars(reader, 'Förbundschefsmöte'), { timeout: 10_000 }).toBe(6)
    await expect.poll(() => reader.getByLabel('Upprepas, rad 1', { exact: true }).inputValue(), { timeout: 10_000 }).toBe('month')

    // A series end set elsewhere is kept when the interval changes, and named in the options.
    updateActivity(client.doc, readPlan(client.doc)[0]!.id, { recurrence: { every: 'month', until: '2025-04' } })
    await expect.poll(() => repeats.locator('option').allTextContents(), { timeout: 10_000 })
      .toEqual(['Nej', 'Varje månad till april 2025', 'Varje kvartal till april 2025'])
    await repeats.selectOption('quarter')
    await expect.poll(() => readPlan(client.doc)[0]?.recurrence, { timeout: 10_000 }).toEqual({ every: 'quarter', until: '2025-04' })
    await expect.poll(() => bars(reader, 'Förbundschefsmöte'), { timeout: 10_000 }).toBe(2)
    await repeats.selectOption({ label: 'Nej' })
    await expect.poll(() => readPlan(client.doc)[0]?.recurrence, { timeout: 10_000 }).toBeNull()
    await expect.poll(() => bars(reader, 'Förbundschefsmöte'), { timeout: 10_000 }).toBe(1)

    const form = coordinator.getByRole('form', { name: 'Ny aktivitet' })
    await form.getByLabel('Aktivitet', { exact: true }).fill('Styrelsens arbetsgrupp')
    await form.getByLabel('Start', { exact: true }).fill('2025-01')
    await form.getByLabel('Slut', { exact: true }).fill('2025-12')
    await form.getByLabel('Upprepas', { exact: true }).selectOption({ label: 'Varje kvartal' })
    expect(await seriousViolations(coordinator)).toEqual([])
    await form.getByRole('button', { name: 'Lägg till aktivitet' }).click()
    await expect.poll(() => readPlan(client.doc).find((entry) => entry.title === 'Styrelsens arbetsgrupp')?.recurrence, { timeout: 10_000 })
      .toEqual({ every: 'quarter' })
    // January, April, July, October; the form is ready for a one-off next.
    await expect.poll(() => bars(reader, 'Styrelsens arbetsgrupp'), { timeout: 10_000 }).toBe(4)
    expect(await form.getByLabel('Upprepas', { exact: true }).inputValue()).toBe('')
    client.destroy()
  })

  it('reads "Varje månad till …" in the table of a member who may not edit the plan', async () => {
    const { fixture, client } = await planWith([activity('Månadsmöte', '2025-01', { end: '2025-06', recurrence: { every: 'month', until: '2025-05' } })])
    const viewer = await fixture.addMember('viewer', 'Vera Läsare')
    const page = await openPlan(fixture, viewer.email)
    const row = page.locator('.plan-table tbody tr', { hasText: 'Månadsmöte' })
    await expect.poll(() => row.locator('td').allTextContents(), { timeout: 10_000 }).toContain('Varje månad till maj 2025')
    expect(await page.getByRole('columnheader', { name: 'Upprepas' }).count()).toBe(1)
    client.destroy()
  })
})

describe('the page width', () => {
  it('stays within a 1366 px window with a 12-month plan: only the timeline scrolls sideways', async () => {
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']
    const { fixture, client } = await planWith(months.map((month) => activity(`Aktivitet ${month}`, `2025-${month}`)))
    const page = await openPlan(fixture, fixture.coordinator.email, { width: 1366, height: 800 })
    await page.getByTestId('timeline-bar').filter({ hasText: 'Aktivitet 12' }).waitFor({ timeout: 10_000 })
    const widths = await page.evaluate(() => {
      const timeline = document.querySelector('.plan-timeline__scroll')!
      return { page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth, timeline: timeline.scrollWidth - timeline.clientWidth }
    })
    expect(widths.page).toBeLessThanOrEqual(widths.window)
    // The timeline is wider than its box here, and scrolls in it.
    expect(widths.timeline).toBeGreaterThan(0)
    client.destroy()
  })
})

describe('importing plan text', () => {
  it('says what text it reads, with an example that imports as the help says', async () => {
    const { fixture, client } = await planWith([])
    const page = await openPlan(fixture, fixture.coordinator.email)
    await page.getByRole('button', { name: 'Importera från text' }).click()
    const form = page.getByRole('form', { name: 'Importera från text' })
    const text = form.getByLabel('Klistra in tidsplanen', { exact: true })
    // The help is the field's description, for screen readers too.
    const description = await text.evaluate((element) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '')
    expect(description).toContain('börjar med ett streck')
    const example = await form.locator('.plan-import__help pre').textContent()
    await text.fill(example ?? '')
    await form.getByRole('button', { name: 'Förhandsgranska' }).click()
    const rows = form.locator('tbody tr')
    await expect.poll(() => rows.count(), { timeout: 5_000 }).toBe(2)
    expect(await rows.filter({ hasText: 'Möte med förbundscheferna' }).locator('td').allTextContents()).toContain('Varje månad')
    client.destroy()
  })

  it("reads month headings without a year from the project's first month, into the next year after December", async () => {
    const { fixture, client } = await planWith([])
    setProjectPeriod(client.doc, periodSource(fixture), { start: '2031-10', end: '2032-09' })
    const page = await openPlan(fixture, fixture.coordinator.email)
    await page.getByRole('button', { name: 'Importera från text' }).click()
    const form = page.getByRole('form', { name: 'Importera från text' })
    await form.getByRole('textbox').fill('Oktober\n- Kartläggning\nJanuari\n- Delrapport')
    await form.getByRole('button', { name: 'Förhandsgranska' }).click()
    await form.getByRole('button', { name: /^Importera \d/ }).click()
    await expect.poll(() => readPlan(client.doc).map(({ title, start }) => `${title} ${start}`), { timeout: 10_000 })
      .toEqual(['Kartläggning 2031-10', 'Delrapport 2032-01'])
    client.destroy()
  })

  it('lists the lines it could not read instead of gluing them onto an activity; the form takes focus and Escape closes it', async () => {
    const { fixture, client } = await planWith([])
    const page = await openPlan(fixture, fixture.coordinator.email)
    const toggle = page.getByRole('button', { name: 'Importera från text' })
    await toggle.click()
    const form = page.getByRole('form', { name: 'Importera från text' })
    const text = form.getByRole('textbox')
    expect(await text.evaluate((element) => element === document.activeElement)).toBe(true)
    await text.fill('Januari 2027\n- Kickoff\n13/2027 Felaktig månad\nFebruari 2027\n- Intervjuer\nMaj–juli 2027 Slutredigering')
    await form.getByRole('button', { name: 'Förhandsgranska' }).click()
    const titles = form.locator('tbody th')
    await expect.poll(() => titles.allTextContents(), { timeout: 5_000 }).toEqual(['Kickoff', 'Intervjuer'])
    const warnings = await form.locator('.plan-import__warnings li').allTextContents()
    expect(warnings.some((line) => line.includes('3') && line.includes('”13/2027 Felaktig månad” kunde inte läsas'))).toBe(true)
    expect(warnings.some((line) => line.includes('6') && line.includes('”Maj–juli 2027 Slutredigering” kunde inte läsas'))).toBe(true)

    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'detached', timeout: 5_000 })
    expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    client.destroy()
  })
})

describe('a row removed by someone else', () => {
  it('says the activity was removed and takes focus there, so typing on goes into no other activity', async () => {
    const { fixture, client } = await planWith([activity('Januari', '2025-01'), activity('Februari', '2025-02'), activity('Mars', '2025-03')])
    const page = await openPlan(fixture, fixture.coordinator.email)
    await expect.poll(() => rowTitles(page), { timeout: 10_000 }).toEqual(['Januari', 'Februari', 'Mars'])
    const title = page.getByLabel('Aktivitet, rad 2', { exact: true })
    await title.focus()
    await page.keyboard.press('End')
    await page.keyboard.type(' och mer')
    await expect.poll(() => readPlan(client.doc).map((entry) => entry.title), { timeout: 10_000 }).toContain('Februari och mer')

    removeActivity(client.doc, readPlan(client.doc).find((entry) => entry.title === 'Februari och mer')!.id)
    await expect.poll(() => rowTitles(page), { timeout: 10_000 }).toEqual(['Januari', 'Mars'])
    await page.getByRole('status').filter({ hasText: 'Aktiviteten ”Februari och mer” som du redigerade togs bort av en annan användare.' })
      .waitFor({ timeout: 5_000 })
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status')
    // Keystrokes that were on their way when the row went change nothing.
    await page.keyboard.type(' 2026')
    await page.keyboard.press('Tab') // the table's scroll region, then its first row
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ label: 'Aktivitet, rad 1', rowTitle: 'Januari' })
    expect(readPlan(client.doc).map((entry) => entry.title)).toEqual(['Januari', 'Mars'])
    expect(await rowTitles(page)).toEqual(['Januari', 'Mars'])
    expect(await seriousViolations(page)).toEqual([])
    client.destroy()
  })
})

describe('members who leave or join while the plan is open', () => {
  it('marks a leaver when the user comes back to the tab, and offers a new member as owner once they open the document', async () => {
    const { fixture, editor, client } = await planWith([])
    addActivity(client.doc, activity('Kartläggning', '2025-01', { owner: { kind: 'member', userId: editor.id, name: editor.name } }))
    const page = await openPlan(fixture, fixture.coordinator.email)
    const owner = page.getByLabel('Ansvarig, rad 1', { exact: true })
    await expect.poll(() => owner.locator('option:checked').textContent(), { timeout: 10_000 }).toBe('Elsa Editor')

    // Removed in another tab; coming back to this one is what the browser tells the page.
    const removed = await call(server.url, 'DELETE', `/api/workspaces/${fixture.workspaceId}/members/${editor.id}`, fixture.coordinator.token)
    expect(removed.status).toBe(200)
    // (A return within two seconds of the last request asks nothing: focus and visibility fire together.)
    const leaverIssue = page.getByText('Ansvarig har lämnat arbetsytan: ”Kartläggning”', { exact: false })
    await expect.poll(async () => {
      await page.evaluate(() => window.dispatchEvent(new Event('focus')))
      return leaverIssue.count()
    }, { timeout: 10_000, interval: 500 }).toBeGreaterThan(0)
    expect(await owner.locator('option:checked').textContent()).toBe('Elsa Editor (har lämnat arbetsytan)')

    const newcomer = await fixture.addMember('editor', 'Nils Nykomling')
    expect(await owner.locator('option', { hasText: 'Nils Nykomling' }).count()).toBe(0)
    const theirs = await openPlan(fixture, newcomer.email)
    await expect.poll(() => owner.locator('option', { hasText: 'Nils Nykomling' }).count(), { timeout: 10_000 }).toBe(1)
    await theirs.context().close()

    // A member who comes and goes (or everyone, after a reconnect) asks for nothing: they are known.
    const present = page.getByTestId('presence-list')
    await expect.poll(() => present.textContent(), { timeout: 10_000 }).not.toContain('Nils Nykomling')
    let asked = 0
    page.on('request', (request) => {
      if (request.method() === 'GET' && new URL(request.url()).pathname === `/api/workspaces/${fixture.workspaceId}`) asked++
    })
    const again = await openPlan(fixture, newcomer.email)
    await expect.poll(() => present.textContent(), { timeout: 10_000 }).toContain('Nils Nykomling')
    await again.context().close()
    await expect.poll(() => present.textContent(), { timeout: 10_000 }).not.toContain('Nils Nykomling')
    expect(asked).toBe(0)
    client.destroy()
  })
})

describe('linking an activity to a section', () => {
  it('keeps focus after "Koppla": on the select for the next link, or on the new link when none is left to offer', async () => {
    const { fixture, editor, client } = await planWith([activity('Första', '2031-01'), activity('Andra', '2031-02')])
    const sections = fixture.sections.filter((section) => section.key !== 'aktivitetsplan')
    const [last] = sections.slice(-1)
    // "Andra" is linked to every section but the last: adding that one leaves nothing to offer.
    const andra = readPlan(client.doc).find((entry) => entry.title === 'Andra')!
    updateActivity(client.doc, andra.id, { links: sections.slice(0, -1).map((section) => section.id) })
    const page = await openPlan(fixture, editor.email)
    const focusedLabel = () =>
      page.evaluate(() => (document.activeElement === document.body ? '<body>' : document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null))

    const select = page.getByLabel('Koppla till avsnitt, rad 1', { exact: true })
    await select.selectOption({ index: 1 })
    await page.getByLabel('Koppla valt avsnitt, rad 1', { exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('list', { name: 'Kopplade avsnitt för Första' }).count(), { timeout: 5_000 }).toBe(1)
    await expect.poll(focusedLabel, { timeout: 5_000 }).toBe('Koppla till avsnitt, rad 1')

    await page.getByLabel('Koppla till avsnitt, rad 2', { exact: true }).selectOption({ value: last!.id })
    await page.getByLabel('Koppla valt avsnitt, rad 2', { exact: true }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByLabel('Koppla till avsnitt, rad 2', { exact: true }).count(), { timeout: 5_000 }).toBe(0)
    await expect.poll(focusedLabel, { timeout: 5_000 }).toBe(`Gå till avsnittet ${last!.title}`)
    client.destroy()
    await page.context().close()
  })
})
