import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture
let editor: TestUser

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url, 'fardplan')
  editor = await fixture.addMember('editor', 'Elsa Editor')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const TITLE = 'Månadsmöte med förbundscheferna'

const rowTitles = (page: Page) =>
  page.locator('.plan-table tbody [aria-label^="Aktivitet, rad"]').evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value))

async function openPlan(email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await logIn(page, server.url, email)
  await openDocument(page, server.url, fixture.documentId)
  await page.getByRole('heading', { name: 'Tids- och aktivitetsplan' }).waitFor({ timeout: 10_000 })
  return page
}

const PASTED = 'Oktober 2025\n- Kartläggning\n- Månadsmöte\nNovember 2025\n- Månadsmöte\nDecember 2025\n- Månadsmöte\n- Delrapport'

describe('the färdplan as a live plan', () => {
  it('an activity added by one user shows up in the other user’s table and timeline', async () => {
    const first = await (await browser.newContext()).newPage()
    const second = await (await browser.newContext()).newPage()
    await logIn(first, server.url, fixture.coordinator.email)
    await logIn(second, server.url, editor.email)
    for (const page of [first, second]) {
      await openDocument(page, server.url, fixture.documentId)
      await page.getByRole('heading', { name: 'Tids- och aktivitetsplan' }).waitFor({ timeout: 10_000 })
    }

    const form = first.getByRole('form', { name: 'Ny aktivitet' })
    await form.getByLabel('Aktivitet', { exact: true }).fill(TITLE)
    await form.getByLabel('Start', { exact: true }).fill('2024-01')
    await form.getByLabel('Slut', { exact: true }).fill('2024-06')
    await form.getByRole('button', { name: 'Lägg till aktivitet' }).click()

    await expect.poll(() => rowTitles(first), { timeout: 10_000 }).toContain(TITLE)
    await expect.poll(() => rowTitles(second), { timeout: 10_000 }).toContain(TITLE)
    await expect.poll(() => second.getByTestId('timeline-bar').filter({ hasText: TITLE }).count(), { timeout: 10_000 }).toBe(1)
    expect(await second.getByTestId('timeline-bar').filter({ hasText: TITLE }).textContent()).toContain('januari 2024–juni 2024')

    // An edit of the status in B's table reaches A.
    await second.getByLabel('Status, rad 1', { exact: true }).selectOption('pagar')
    await expect.poll(() => first.getByLabel('Status, rad 1', { exact: true }).inputValue(), { timeout: 10_000 }).toBe('pagar')
    expect(await seriousViolations(second)).toEqual([])

    // The downloads are named after the document, not "fardplan" whatever the template.
    for (const [button, name] of [['Ladda ner CSV', 'Ansökan – tidsplan.csv'], ['Ladda ner iCalendar', 'Ansökan – tidsplan.ics']] as const) {
      const [download] = await Promise.all([first.waitForEvent('download', { timeout: 10_000 }), first.getByRole('button', { name: button }).click()])
      expect(download.suggestedFilename()).toBe(name)
      if (name.endsWith('.csv')) {
        // For Excel with Swedish settings: a byte order mark (or å, ä and ö come out garbled) and semicolons.
        const bytes = readFileSync((await download.path())!)
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
        expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe('ID;Aktivitet;Beskrivning;Fas;Startmånad;Slutmånad;Status;Ansvarig;Upprepas;Upprepas till;Kopplingar')
      }
    }
  })

  it('a coordinator imports a pasted plan after a preview; the other user sees it, and a faulty text imports nothing', async () => {
    const first = await openPlan(fixture.coordinator.email)
    const second = await openPlan(editor.email)
    const before = await rowTitles(first)

    const toggle = first.getByRole('button', { name: 'Importera från text' })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await toggle.click()
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    await first.getByLabel('Klistra in tidsplanen', { exact: true }).fill(PASTED)
    await first.getByRole('button', { name: 'Förhandsgranska' }).click()

    const preview = first.getByRole('table', { name: 'Förhandsgranskning' })
    await preview.waitFor({ timeout: 10_000 })
    const meeting = preview.getByRole('row').filter({ has: first.getByRole('rowheader', { name: 'Månadsmöte', exact: true }) })
    expect(await meeting.count()).toBe(1)
    expect(await meeting.textContent()).toContain('Varje månad')
    expect(await preview.locator('tbody tr').count()).toBe(3)
    // Nothing is added before the user confirms.
    expect(await rowTitles(first)).toEqual(before)
    expect(await seriousViolations(first)).toEqual([])

    await first.getByRole('button', { name: 'Importera 3 aktiviteter' }).click()
    await expect.poll(() => first.getByRole('status').filter({ hasText: '3 aktiviteter importerades' }).count(), { timeout: 10_000 }).toBe(1)
    expect(await first.getByLabel('Klistra in tidsplanen').count()).toBe(0)
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')

    for (const page of [first, second]) {
      await expect.poll(async () => (await rowTitles(page)).filter((title) => ['Kartläggning', 'Månadsmöte', 'Delrapport'].includes(title)).sort(), { timeout: 10_000 })
        .toEqual(['Delrapport', 'Kartläggning', 'Månadsmöte'])
    }
    await expect.poll(() => second.getByTestId('timeline-bar').filter({ hasText: 'Kartläggning' }).count(), { timeout: 10_000 }).toBe(1)
    await expect.poll(() => second.getByTestId('timeline-bar').filter({ hasText: 'Delrapport' }).count(), { timeout: 10_000 }).toBe(1)
    await expect.poll(() => second.getByTestId('timeline-bar').filter({ hasText: 'Månadsmöte' }).count(), { timeout: 10_000 }).toBeGreaterThan(0)
    const afterImport = await rowTitles(first)
    expect(afterImport).toHaveLength(before.length + 3)

    // A bullet before any month heading: an error with its line, and nothing to import.
    await toggle.click()
    await first.getByLabel('Klistra in tidsplanen', { exact: true }).fill('- Förberedelser\nOktober 2025\n- Enkät')
    await first.getByRole('button', { name: 'Förhandsgranska' }).click()
    const alert = first.getByRole('alert').filter({ hasText: 'Punkten står före första månadsrubriken' })
    await alert.waitFor({ timeout: 10_000 })
    expect(await alert.textContent()).toContain('Rad 1')
    expect(await first.getByRole('button', { name: /^Importera \d/ }).count()).toBe(0)
    expect(await first.getByRole('table', { name: 'Förhandsgranskning' }).count()).toBe(0)
    await first.getByRole('button', { name: 'Avbryt' }).click()
    expect(await first.getByLabel('Klistra in tidsplanen').count()).toBe(0)
    expect(await rowTitles(first)).toEqual(afterImport)
    expect(await rowTitles(second)).toHaveLength(afterImport.length)
  })
})

describe('owners and validation in the plan table', () => {
  it('picks a member or an outside actor as owner, filters by owner, and warns when the owner leaves or an activity is outside the period', async () => {
    const leaver = await fixture.addMember('editor', 'Lämnar Lisa')
    const page = await openPlan(fixture.coordinator.email)
    const form = page.getByRole('form', { name: 'Ny aktivitet' })
    for (const title of ['Ägarprov medlem', 'Ägarprov extern']) {
      await form.getByLabel('Aktivitet', { exact: true }).fill(title)
      await form.getByLabel('Start', { exact: true }).fill('2030-01')
      await form.getByLabel('Slut', { exact: true }).fill('2030-02')
      await form.getByRole('button', { name: 'Lägg till aktivitet' }).click()
      await expect.poll(() => rowTitles(page), { timeout: 10_000 }).toContain(title)
    }
    const rowOf = async (title: string) => (await rowTitles(page)).indexOf(title) + 1

    // A member from the workspace, chosen in the select (the member list loads after the page).
    const memberRow = await rowOf('Ägarprov medlem')
    const memberSelect = page.getByLabel(`Ansvarig, rad ${memberRow}`, { exact: true })
    await expect.poll(() => memberSelect.locator('option', { hasText: 'Lämnar Lisa' }).count(), { timeout: 10_000 }).toBe(1)
    await memberSelect.selectOption({ label: 'Lämnar Lisa' })
    await expect.poll(() => memberSelect.inputValue(), { timeout: 10_000 }).toBe(`member:${leaver.id}`)

    // An outside actor, typed in after choosing "Annan aktör…".
    const externalRow = await rowOf('Ägarprov extern')
    await page.getByLabel(`Ansvarig, rad ${externalRow}`, { exact: true }).selectOption({ label: 'Annan aktör…' })
    const name = page.getByLabel(`Ansvarig, rad ${externalRow}, annan aktör`, { exact: true })
    await name.fill('Försäkringskassan')
    await name.press('Enter')

    // The owner filter lists both and narrows the table to one.
    const filter = page.getByLabel('Filtrera på ansvarig', { exact: true })
    await expect.poll(() => filter.locator('option', { hasText: 'Försäkringskassan (extern)' }).count(), { timeout: 10_000 }).toBe(1)
    await filter.selectOption({ label: 'Lämnar Lisa' })
    await expect.poll(() => rowTitles(page), { timeout: 10_000 }).toEqual(['Ägarprov medlem'])
    await filter.selectOption({ label: 'Försäkringskassan (extern)' })
    await expect.poll(() => rowTitles(page), { timeout: 10_000 }).toEqual(['Ägarprov extern'])
    expect(await seriousViolations(page)).toEqual([])
    await filter.selectOption({ label: 'Alla' })

    // The member is removed through the API: after a reload the plan says the owner has left.
    const issues = page.locator('.plan-issues')
    expect(await issues.filter({ hasText: 'Ansvarig har lämnat arbetsytan' }).count()).toBe(0)
    const removed = await call(server.url, 'DELETE', `/api/workspaces/${fixture.workspaceId}/members/${leaver.id}`, fixture.coordinator.token)
    expect(removed.status).toBe(200)
    await page.reload()
    await page.getByRole('heading', { name: 'Tids- och aktivitetsplan' }).waitFor({ timeout: 10_000 })
    await expect.poll(() => issues.textContent(), { timeout: 10_000 }).toContain(
      'Ansvarig har lämnat arbetsytan: ”Ägarprov medlem” har Lämnar Lisa som ansvarig.',
    )
    const select = page.getByLabel(`Ansvarig, rad ${await rowOf('Ägarprov medlem')}`, { exact: true })
    expect(await select.getAttribute('aria-invalid')).toBe('true')
    expect(await select.locator('option:checked').textContent()).toBe('Lämnar Lisa (har lämnat arbetsytan)')

    // A project period that ends before the activities: each one outside it is reported.
    const period = page.getByRole('group', { name: 'Projektperiod' })
    await period.getByLabel('Projektets första månad').fill('2029-01')
    await period.getByLabel('Projektets sista månad').fill('2029-12')
    await expect.poll(() => issues.textContent(), { timeout: 10_000 }).toContain(
      '”Ägarprov extern” pågår till februari 2030, efter projektets slut december 2029.',
    )
    // Another user sees the same period (it is part of the document).
    const other = await openPlan(fixture.coordinator.email)
    await expect.poll(() => other.getByLabel('Projektets sista månad').inputValue(), { timeout: 10_000 }).toBe('2029-12')
    expect(await seriousViolations(page)).toEqual([])
  })
})

describe('links from activities to sections', () => {
  it('one user links an activity to a section; the other sees its title, follows it, and a removed section stays removable', async () => {
    const first = await openPlan(fixture.coordinator.email)
    const second = await openPlan(editor.email)
    const form = first.getByRole('form', { name: 'Ny aktivitet' })
    await form.getByLabel('Aktivitet', { exact: true }).fill('Kopplingsprov')
    await form.getByLabel('Start', { exact: true }).fill('2032-01')
    await form.getByLabel('Slut', { exact: true }).fill('2032-02')
    await form.getByRole('button', { name: 'Lägg till aktivitet' }).click()
    await expect.poll(() => rowTitles(first), { timeout: 10_000 }).toContain('Kopplingsprov')
    const rowIn = async (page: Page) => (await rowTitles(page)).indexOf('Kopplingsprov') + 1
    const row = await rowIn(first)
    expect(await first.getByLabel(`Koppla valt avsnitt, rad ${row}`, { exact: true }).isDisabled()).toBe(true)
    await first.getByLabel(`Koppla till avsnitt, rad ${row}`, { exact: true }).selectOption({ label: 'Syfte och vision' })
    await first.getByLabel(`Koppla valt avsnitt, rad ${row}`, { exact: true }).click()

    // B sees the link by the section's title in the activity's row, and it focuses that section.
    await expect.poll(async () => second.getByRole('list', { name: 'Kopplade avsnitt för Kopplingsprov' }).textContent().catch(() => ''), { timeout: 10_000 })
      .toContain('Syfte och vision')
    const links = second.getByRole('list', { name: 'Kopplade avsnitt för Kopplingsprov' })
    await links.getByRole('button', { name: 'Gå till avsnittet Syfte och vision' }).click()
    await expect.poll(() => second.evaluate(() => document.activeElement?.closest('section[id^="section-"]')?.querySelector('h2')?.textContent), { timeout: 10_000 })
      .toBe('Syfte och vision')
    expect(second.url()).toMatch(/#section-/)
    expect(await seriousViolations(second)).toEqual([])

    // A section added and then removed: its link shows as removed and can still be taken away.
    const addSection = first.getByRole('form', { name: 'Lägg till avsnitt' })
    await addSection.getByLabel('Nytt avsnitt', { exact: true }).fill('Tillfälligt avsnitt')
    await addSection.getByRole('button', { name: 'Lägg till avsnitt' }).click()
    const select = first.getByLabel(`Koppla till avsnitt, rad ${row}`, { exact: true })
    await expect.poll(() => select.locator('option', { hasText: 'Tillfälligt avsnitt' }).count(), { timeout: 10_000 }).toBe(1)
    // An already linked section is not offered again.
    expect(await select.locator('option', { hasText: 'Syfte och vision' }).count()).toBe(0)
    await select.selectOption({ label: 'Tillfälligt avsnitt' })
    await first.getByLabel(`Koppla valt avsnitt, rad ${row}`, { exact: true }).click()
    await expect.poll(() => links.textContent(), { timeout: 10_000 }).toContain('Tillfälligt avsnitt')

    await first.getByRole('button', { name: 'Ta bort avsnitt: Tillfälligt avsnitt' }).click()
    await first.getByRole('button', { name: 'Bekräfta borttagning av avsnittet Tillfälligt avsnitt' }).click()
    await expect.poll(() => links.textContent(), { timeout: 10_000 }).toContain('(borttaget avsnitt)')
    expect(await links.textContent()).toContain('Syfte och vision')
    const secondRow = await rowIn(second)
    await second.getByRole('button', { name: `Ta bort kopplingen till (borttaget avsnitt), rad ${secondRow}` }).click()
    await expect.poll(() => first.getByRole('list', { name: 'Kopplade avsnitt för Kopplingsprov' }).textContent(), { timeout: 10_000 })
      .not.toContain('(borttaget avsnitt)')
    expect(await first.getByRole('list', { name: 'Kopplade avsnitt för Kopplingsprov' }).textContent()).toContain('Syfte och vision')
    expect(await seriousViolations(first)).toEqual([])
  })
})

describe('the plan, the checks and the templates in English', () => {
  it('reads its labels, buttons and status words in English; the document’s own text stays as written', async () => {
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, fixture.coordinator.email)
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('button', { name: 'Log out' }).waitFor({ timeout: 10_000 })

    // Template names in the workspace's document list and in the new-document form.
    await page.goto(`${server.url}/w/${fixture.workspaceId}`)
    await page.getByRole('cell', { name: 'Roadmap', exact: true }).waitFor({ timeout: 10_000 })
    expect(await page.getByLabel('Template', { exact: true }).locator('option').allTextContents()).toEqual([
      'Roadmap',
      'ESF+ project idea',
      'Horizontal principles analysis',
    ])

    await page.goto(`${server.url}/d/${fixture.documentId}`)
    const plan = page.getByRole('region', { name: 'Time and activity plan' })
    await plan.getByRole('button', { name: 'Download CSV' }).waitFor({ timeout: 10_000 })
    const headers = await plan.locator('.plan-table thead th').allTextContents()
    expect(headers.slice(0, 7)).toEqual(['Activity', 'Owner', 'Start', 'End', 'Repeats', 'Status', 'Phase'])
    const form = page.getByRole('form', { name: 'New activity' })
    await form.getByLabel('Activity', { exact: true }).fill('Engelskt prov')
    await form.getByLabel('Start', { exact: true }).fill('2031-03')
    await form.getByLabel('End', { exact: true }).fill('2031-04')
    await form.getByRole('button', { name: 'Add activity' }).click()
    const englishTitles = () =>
      page.locator('.plan-table tbody [aria-label^="Activity, row"]').evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value))
    await expect.poll(englishTitles, { timeout: 10_000 }).toContain('Engelskt prov')
    expect(await form.getByRole('status').textContent()).toBe('The activity “Engelskt prov” was added.')
    expect(await form.getByLabel('Phase', { exact: true }).count()).toBe(1)
    const index = (await englishTitles()).indexOf('Engelskt prov') + 1
    const status = page.getByLabel(`Status, row ${index}`, { exact: true })
    expect(await status.locator('option:checked').textContent()).toBe('Planned')
    expect(await status.locator('option').allTextContents()).toEqual(['Planned', 'In progress', 'Done', 'Cancelled'])
    const bar = page.getByTestId('timeline-bar').filter({ hasText: 'Engelskt prov' })
    await expect.poll(() => bar.textContent(), { timeout: 10_000 }).toContain('March 2031–April 2031')
    expect(await bar.textContent()).toContain('Planned')
    // What the plan check finds, and the timeline's group for activities without a phase.
    expect(await plan.getByRole('heading', { name: 'No phase', level: 4 }).count()).toBeGreaterThan(0)
    await page.getByLabel(`Activity, row ${index}`, { exact: true }).fill('')
    await expect.poll(() => plan.locator('.plan-issues li').allTextContents(), { timeout: 10_000 }).toContain('The activity has no title.')
    await page.getByLabel(`Activity, row ${index}`, { exact: true }).fill('Engelskt prov')
    await page.getByLabel('Filter by status', { exact: true }).selectOption({ label: 'Cancelled' })
    await plan.getByText('No activities to show.').waitFor({ timeout: 5_000 })
    await page.getByLabel('Filter by status', { exact: true }).selectOption({ label: 'All' })

    // The checks panel's chrome; the checklist's own titles and messages stay Swedish.
    const checks = page.getByRole('region', { name: 'Check of the horizontal principles' })
    await checks.getByRole('button', { name: 'Run the checks' }).click()
    await expect
      .poll(() => checks.getByTestId('checks-verdict').textContent(), { timeout: 10_000 })
      .toMatch(/^Overall assessment: (Done – every item is met\.|Done with warnings – .+|Not done – .+|Waiting for review – .+)$/)
    expect(await checks.getByRole('button', { name: 'Download the report (text file)' }).count()).toBe(1)
    expect(await checks.locator('.checks-status').first().textContent()).toMatch(/^(Met|Warning|Not met|Waiting for assessment)$/)
    expect(await seriousViolations(page)).toEqual([])
  })
})
