import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, newFixture, registerUser, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, seriousViolations } from '../utils/browser.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture
let elsa: TestUser
let bo: TestUser

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url)
  elsa = await fixture.addMember('editor', 'Elsa Nilsson')
  bo = await fixture.addMember('viewer', 'Bo Berg')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function pageOf(user: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await logIn(page, server.url, user.email)
  return page
}

const roleOf = async (user: TestUser) =>
  (await call(server.url, 'GET', `/api/documents/${fixture.documentId}`, user.token)).body.role as
    string | undefined
const statusTexts = (page: Page) => page.getByRole('status').allTextContents()
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')

describe('managing members in the browser', () => {
  it('creating a workspace on the start page lands in it', async () => {
    const page = await pageOf(fixture.coordinator)
    await page.getByLabel('Namn på arbetsytan').fill('Arbetsgrupp Norr')
    await page.getByRole('button', { name: 'Skapa arbetsyta' }).click()
    await page
      .getByRole('heading', { name: 'Arbetsgrupp Norr', level: 1 })
      .waitFor({ timeout: 5_000 })
    expect(new URL(page.url()).pathname).toMatch(/^\/w\/[^/]+$/)
    expect(await page.getByText('Din roll: Samordnare').count()).toBe(1)
    await page.context().close()
  })

  it('a workspace name without spaces wraps instead of widening the page, in the list and on its own page', async () => {
    const name = 'Samordningsförbundet'.repeat(6)
    const created = await call(server.url, 'POST', '/api/workspaces', fixture.coordinator.token, { name })
    expect(created.status).toBe(201)
    const page = await pageOf(fixture.coordinator)
    await page.setViewportSize({ width: 1280, height: 800 })
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    await page.getByText(name).first().waitFor({ timeout: 5_000 })
    expect(await overflow()).toBe(0)
    await page.goto(`${server.url}/w/${created.body.id}`)
    await page.getByRole('heading', { name, level: 1 }).waitFor({ timeout: 5_000 })
    expect(await overflow()).toBe(0)
    await page.context().close()
  })

  it('a coordinator changes a role, is told why the last coordinator stays, and removes a member', async () => {
    const page = await pageOf(fixture.coordinator)
    await page.goto(`${server.url}/w/${fixture.workspaceId}`)
    const elsaRole = page.getByRole('combobox', { name: 'Roll för Elsa Nilsson', exact: true })
    await elsaRole.waitFor({ timeout: 5_000 })
    expect(await seriousViolations(page)).toEqual([])

    await elsaRole.selectOption({ label: 'Läsare' })
    await page.getByRole('button', { name: 'Spara ny roll för Elsa Nilsson' }).click()
    await expect
      .poll(() => statusTexts(page), { timeout: 5_000 })
      .toContain('Elsa Nilsson är nu Läsare.')
    expect(await roleOf(elsa)).toBe('viewer')
    await expect
      .poll(() => page.getByRole('button', { name: 'Spara ny roll för Elsa Nilsson' }).count())
      .toBe(0)
    expect(await elsaRole.evaluate((element) => element === document.activeElement)).toBe(true)

    // The only coordinator cannot step down: the server's reason is shown and the role stays.
    const ownRole = page.getByRole('combobox', { name: 'Roll för Samordnare Siv', exact: true })
    await ownRole.selectOption({ label: 'Skribent' })
    await page.getByRole('button', { name: 'Spara ny roll för Samordnare Siv' }).click()
    await expect
      .poll(() => page.getByRole('alert').allTextContents(), { timeout: 5_000 })
      .toContain('Arbetsytan måste ha minst en samordnare.')
    await expect.poll(() => ownRole.inputValue()).toBe('coordinator')
    expect(await roleOf(fixture.coordinator)).toBe('coordinator')

    // Removing asks first; cancelling keeps Bo and returns focus to the button.
    await page.getByRole('button', { name: 'Ta bort Bo Berg' }).click()
    await page.getByRole('button', { name: 'Avbryt' }).click()
    await expect.poll(() => focusedText(page)).toBe('Ta bort')
    expect(await roleOf(bo)).toBe('viewer')
    await page.getByRole('button', { name: 'Ta bort Bo Berg' }).click()
    expect(await page.getByText('Ta bort Bo Berg ur arbetsytan?').count()).toBe(1)
    await page.getByRole('button', { name: 'Ja, ta bort' }).click()
    await expect
      .poll(() => statusTexts(page), { timeout: 5_000 })
      .toContain('Bo Berg togs bort från arbetsytan.')
    await expect
      .poll(() => page.getByRole('row', { name: /Bo Berg/ }).count(), { timeout: 5_000 })
      .toBe(0)
    expect(await roleOf(bo)).toBeUndefined()
    expect(await focusedText(page)).toBe('Medlemmar')
    expect(await seriousViolations(page)).toEqual([])
    await page.context().close()
  })

  it('a coordinator sees pending invitations and withdraws one; its link stops working', async () => {
    const email = `inbjuden-${Date.now()}@example.se`
    const sent = await call(
      server.url,
      'POST',
      `/api/workspaces/${fixture.workspaceId}/members`,
      fixture.coordinator.token,
      { email, role: 'analyst' },
    )
    const page = await pageOf(fixture.coordinator)
    await page.goto(`${server.url}/w/${fixture.workspaceId}`)
    const invitations = page.getByRole('region', { name: 'Väntande inbjudningar' })
    await invitations.getByText(email).waitFor({ timeout: 5_000 })
    expect(await invitations.getByText(/Analytiker · gäller till \d+ \w+ \d{4}/).count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])

    await page.getByRole('button', { name: `Dra tillbaka inbjudan till ${email}` }).click()
    await expect
      .poll(() => statusTexts(page), { timeout: 5_000 })
      .toContain(`Inbjudan till ${email} är tillbakadragen. Länken gäller inte längre.`)
    await expect.poll(() => invitations.getByText(email).count()).toBe(0)
    expect(await invitations.getByText('Inga väntande inbjudningar.').count()).toBe(1)
    expect(await focusedText(page)).toBe('Väntande inbjudningar')
    const link = await call(server.url, 'GET', `/api/invitations/${sent.body.invitation.token}`)
    expect(link.body.error.code).toBe('invitation_revoked')

    // Inviting through the form lists the new invitation at once.
    const other = `ny-${Date.now()}@example.se`
    await page.getByLabel('E-post', { exact: true }).fill(other)
    await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Skribent' })
    await page.getByRole('button', { name: 'Lägg till medlem' }).click()
    await invitations.getByText(other).waitFor({ timeout: 5_000 })
    // Focus goes to the new link, to be copied; adding someone with an account keeps it in the
    // address field, for the next one (the button is disabled meanwhile, which dropped it).
    const focusedNotice = () => page.evaluate(() => (document.activeElement?.matches('.notice') ? document.activeElement.textContent : null))
    await expect.poll(focusedNotice).toContain('Skicka den här inbjudningslänken')
    const karin = await registerUser(server.url, 'Karin Ny')
    const emailField = page.getByLabel('E-post', { exact: true })
    await emailField.fill(karin.email)
    await page.getByRole('button', { name: 'Lägg till medlem' }).click()
    await expect
      .poll(() => statusTexts(page), { timeout: 5_000 })
      .toContain('Karin Ny är nu medlem som Skribent.')
    await expect.poll(() => emailField.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(await page.getByRole('combobox', { name: 'Roll för Karin Ny', exact: true }).inputValue()).toBe('editor')
    await page.context().close()
  })

  it('a coordinator who lost a link makes a new one for a pending invitation; the new link works, the old one no longer', async () => {
    const email = `tappad-${Date.now()}@example.se`
    const sent = await call(server.url, 'POST', `/api/workspaces/${fixture.workspaceId}/members`, fixture.coordinator.token, { email, role: 'analyst' })
    const page = await pageOf(fixture.coordinator)
    await page.goto(`${server.url}/w/${fixture.workspaceId}`)
    const invitations = page.getByRole('region', { name: 'Väntande inbjudningar' })
    await invitations.getByText(email).waitFor({ timeout: 5_000 })
    await page.getByRole('button', { name: `Ny länk till ${email}` }).click()
    const focusedNotice = () => page.evaluate(() => (document.activeElement?.matches('.notice') ? document.activeElement.textContent : null))
    await expect.poll(focusedNotice, { timeout: 5_000 }).toContain(`En ny länk till ${email} är skapad`)
    const url = (await invitations.getByTestId('invitation-url').textContent()) ?? ''
    const token = url.split('/invite/')[1] ?? ''
    expect(token).not.toBe(sent.body.invitation.token)
    expect((await call(server.url, 'GET', `/api/invitations/${sent.body.invitation.token}`)).body.error.code).toBe('invitation_revoked')
    const fresh = await call(server.url, 'GET', `/api/invitations/${token}`)
    expect(fresh.status).toBe(200)
    expect(fresh.body.invitation ?? fresh.body).toMatchObject({ email, role: 'analyst' })
    // Still one pending invitation for the address, the new one.
    expect(await invitations.getByText(email, { exact: true }).count()).toBe(1)

    // A link made in the form and then made anew is no longer offered there.
    const other = `tappad-igen-${Date.now()}@example.se`
    await page.getByLabel('E-post', { exact: true }).fill(other)
    await page.getByRole('button', { name: 'Lägg till medlem' }).click()
    await invitations.getByText(other).waitFor({ timeout: 5_000 })
    await expect.poll(() => page.getByTestId('invitation-url').count()).toBe(2)
    await page.getByRole('button', { name: `Ny länk till ${other}` }).click()
    await expect.poll(focusedNotice, { timeout: 5_000 }).toContain(`En ny länk till ${other} är skapad`)
    // The form's dead link is gone; the pending list shows the one new link.
    await expect.poll(() => page.getByTestId('invitation-url').count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])
    await page.context().close()
  })

  it('a member who is not a coordinator sees the list read-only', async () => {
    const page = await pageOf(elsa)
    await page.goto(`${server.url}/w/${fixture.workspaceId}`)
    await page.getByRole('cell', { name: 'Läsare' }).first().waitFor({ timeout: 5_000 })
    expect(await page.getByRole('row', { name: /Samordnare Siv/ }).count()).toBe(1)
    expect(await page.getByRole('combobox').count()).toBe(0)
    expect(await page.getByRole('button', { name: /Ta bort/ }).count()).toBe(0)
    expect(await page.getByRole('region', { name: 'Väntande inbjudningar' }).count()).toBe(0)
    expect(await page.getByText('Bara samordnare kan ändra roller och bjuda in.').count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])
    await page.context().close()
  })

  it('a coordinator reaches the audit log from the document and reads it as text', async () => {
    const page = await pageOf(fixture.coordinator)
    await page.goto(`${server.url}/d/${fixture.documentId}`)
    await page.getByRole('link', { name: 'Händelselogg' }).click()
    await page.getByRole('heading', { name: 'Händelselogg', level: 1 }).waitFor({ timeout: 5_000 })
    const created = page.getByRole('row', { name: /Skapade dokumentet/ })
    await created.waitFor({ timeout: 5_000 })
    expect(await created.textContent()).toContain('”Ansökan”, mall: ESF+ projektidé')
    expect(await seriousViolations(page)).toEqual([])
    await page.context().close()

    const reader = await pageOf(elsa)
    await reader.goto(`${server.url}/d/${fixture.documentId}`)
    await reader.getByRole('heading', { name: 'Ansökan', level: 1 }).waitFor({ timeout: 5_000 })
    expect(await reader.getByRole('link', { name: 'Händelselogg' }).count()).toBe(0)
    await reader.context().close()
  })
})
