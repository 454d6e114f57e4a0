import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { call, type TestUser } from '../utils/api.ts'
import { logIn, openDocument } from '../utils/browser.ts'
import { browserSuite } from '../utils/browserSuite.ts'

const suite = browserSuite('fardplan')

/** Access that changes while a document is open: the page follows the server, and no typing goes nowhere. */
describe('an open document when access changes', () => {
  const editorOf = (page: Page, title: string) => page.getByRole('textbox', { name: title, exact: true })
  const connection = (page: Page) => page.getByTestId('connection-status')

  async function openAs(user: TestUser): Promise<Page> {
    const page = await (await suite.browser.newContext()).newPage()
    await logIn(page, suite.server.url, user.email)
    await openDocument(page, suite.server.url, suite.fixture.documentId)
    return page
  }

  const setRole = (user: TestUser, role: string) =>
    call(suite.server.url, 'PATCH', `/api/workspaces/${suite.fixture.workspaceId}/members/${user.id}`, suite.fixture.coordinator.token, { role })

  it('a member whose role changes reconnects and gets the new role, both ways', async () => {
    const { fixture } = suite
    const member = await fixture.addMember('editor', 'Rolf Rollbyte')
    const page = await openAs(member)
    const title = fixture.sections[0]!.title
    await expect.poll(() => editorOf(page, title).getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')

    expect((await setRole(member, 'viewer')).status).toBe(200)
    await expect.poll(() => editorOf(page, title).getAttribute('contenteditable'), { timeout: 10_000 }).toBe('false')
    await page.getByText('Du kan läsa men inte redigera det här dokumentet.').waitFor({ timeout: 10_000 })
    await expect.poll(() => connection(page).getAttribute('data-status'), { timeout: 10_000 }).toBe('connected')

    expect((await setRole(member, 'editor')).status).toBe(200)
    await expect.poll(() => editorOf(page, title).getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')
    await expect.poll(() => connection(page).getAttribute('data-status'), { timeout: 10_000 }).toBe('connected')
    await editorOf(page, title).click()
    await page.keyboard.type('Skrivet med den nya rollen.')
    const coordinatorPage = await openAs(fixture.coordinator)
    await expect.poll(() => editorOf(coordinatorPage, title).textContent(), { timeout: 10_000 }).toContain('Skrivet med den nya rollen.')
  })

  it('after a login as someone else in another tab of the same browser, the open document reloads as that person', async () => {
    const { fixture, server } = suite
    const first = await fixture.addMember('editor', 'Första Fia')
    const second = await fixture.addMember('editor', 'Andra Anders')
    const context = await suite.browser.newContext()
    const page = await context.newPage()
    await logIn(page, server.url, first.email)
    await openDocument(page, server.url, fixture.documentId)
    await page.getByText('Inloggad som Första Fia').waitFor({ timeout: 5_000 })

    // The other tab logs in: same cookie jar, so the first session is replaced (and its socket closed).
    const other = await context.newPage()
    await other.goto(`${server.url}/`)
    const status = await other.evaluate(
      async ({ email }) => (await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'lösenord123' }) })).status,
      { email: second.email },
    )
    expect(status).toBe(200)
    await page.getByText('Inloggad som Andra Anders').waitFor({ timeout: 10_000 })
    await expect.poll(() => connection(page).getAttribute('data-status'), { timeout: 10_000 }).toBe('connected')
    await context.close()
  })

  it('after a logout in another tab the page offers to log in again, and comes back to the document', async () => {
    const { fixture, server } = suite
    const member = await fixture.addMember('editor', 'Utloggade Ulla')
    const context = await suite.browser.newContext()
    const page = await context.newPage()
    await logIn(page, server.url, member.email)
    await openDocument(page, server.url, fixture.documentId)
    const other = await context.newPage()
    await other.goto(`${server.url}/`)
    expect(await other.evaluate(async () => (await fetch('/api/auth/logout', { method: 'POST' })).status)).toBe(200)

    const again = page.getByRole('button', { name: 'Logga in igen' })
    await again.waitFor({ timeout: 10_000 })
    await again.click()
    await page.getByLabel('E-post').fill(member.email)
    await page.getByLabel('Lösenord').fill('lösenord123')
    await page.getByRole('button', { name: 'Logga in' }).click()
    await expect.poll(() => connection(page).getAttribute('data-status'), { timeout: 10_000 }).toBe('connected')
    expect(new URL(page.url()).pathname).toBe(`/d/${fixture.documentId}`)
    await context.close()
  })

  it('a member removed from the workspace is told the document is no longer theirs', async () => {
    const { fixture, server } = suite
    const member = await fixture.addMember('editor', 'Rut Borttagen')
    const page = await openAs(member)
    const removed = await call(server.url, 'DELETE', `/api/workspaces/${fixture.workspaceId}/members/${member.id}`, fixture.coordinator.token)
    expect(removed.status).toBeLessThan(300)
    await page.getByRole('heading', { name: 'Dokumentet finns inte' }).waitFor({ timeout: 10_000 })
    expect(await page.getByRole('textbox', { name: fixture.sections[0]!.title, exact: true }).count()).toBe(0)
  })

  it('a plan section locked for review makes the plan read-only for an editor, live, and editable again on unlock', async () => {
    const { fixture, server } = suite
    const member = await fixture.addMember('editor', 'Petra Planerare')
    const page = await openAs(member)
    const addButton = page.getByRole('button', { name: 'Lägg till aktivitet' })
    await addButton.waitFor({ timeout: 10_000 })
    const planSection = fixture.sections.find((section) => section.key === 'aktivitetsplan')!
    const lockPath = `/api/documents/${fixture.documentId}/sections/${planSection.id}/lock`

    expect((await call(server.url, 'POST', lockPath, fixture.coordinator.token, {})).status).toBe(200)
    await page.getByText('Tidsplanen är låst för granskning.').waitFor({ timeout: 10_000 })
    expect(await addButton.count()).toBe(0)

    expect((await call(server.url, 'DELETE', lockPath, fixture.coordinator.token)).status).toBe(200)
    await addButton.waitFor({ timeout: 10_000 })
    expect(await page.getByText('Tidsplanen är låst för granskning.').count()).toBe(0)
  })

  it('after a refused update nothing is editable until a reload, and F5 starts again from the server', async () => {
    const { fixture, server } = suite
    const member = await fixture.addMember('editor', 'Vera Vägrad')
    const context = await suite.browser.newContext()
    const page = await context.newPage()
    await logIn(page, server.url, member.email)
    await openDocument(page, server.url, fixture.documentId)
    const [refused, other] = [fixture.sections[1]!, fixture.sections[2]!]
    await editorOf(page, refused.title).waitFor({ timeout: 15_000 })

    // Written offline into a section that is locked meanwhile: the server refuses it on reconnect.
    await context.setOffline(true)
    await connection(page).filter({ hasText: 'Ingen anslutning' }).waitFor({ timeout: 10_000 })
    await editorOf(page, refused.title).click()
    await page.keyboard.type('Text som servern vägrar.')
    const locked = await call(server.url, 'POST', `/api/documents/${fixture.documentId}/sections/${refused.id}/lock`, fixture.coordinator.token, {})
    expect(locked.status).toBe(200)
    await context.setOffline(false)

    await page.getByRole('button', { name: 'Ladda om dokumentet' }).waitFor({ timeout: 10_000 })
    await expect.poll(() => editorOf(page, other.title).getAttribute('contenteditable'), { timeout: 5_000 }).toBe('false')
    expect(await connection(page).textContent()).toContain('Inte ansluten')

    await page.reload()
    await expect.poll(() => connection(page).getAttribute('data-status'), { timeout: 10_000 }).toBe('connected')
    const unsaved = page.getByRole('textbox', { name: `Text som inte kunde sparas: ${refused.title}` })
    await expect.poll(() => unsaved.inputValue(), { timeout: 10_000 }).toContain('Text som servern vägrar.')
    await expect.poll(() => editorOf(page, other.title).getAttribute('contenteditable'), { timeout: 10_000 }).toBe('true')
    expect(await page.getByRole('button', { name: 'Ladda om dokumentet' }).count()).toBe(0)
  })

  it('an activity title the server refuses (the plan locked meanwhile) is offered after the reload', async () => {
    const { fixture, server } = suite
    const member = await fixture.addMember('editor', 'Tilda Tidsplan')
    const context = await suite.browser.newContext()
    const page = await context.newPage()
    await logIn(page, server.url, member.email)
    await openDocument(page, server.url, fixture.documentId)
    const form = page.getByRole('form', { name: 'Ny aktivitet' })
    await form.getByLabel('Aktivitet', { exact: true }).fill('Uppstartsmöte')
    await form.getByLabel('Start', { exact: true }).fill('2025-03')
    await form.getByLabel('Slut', { exact: true }).fill('2025-03')
    await form.getByRole('button', { name: 'Lägg till aktivitet' }).click()
    const title = page.getByLabel('Aktivitet, rad 1', { exact: true })
    await expect.poll(() => title.inputValue(), { timeout: 10_000 }).toBe('Uppstartsmöte')
    // Stored on the server before going offline: the coordinator sees it.
    const coordinatorPage = await openAs(fixture.coordinator)
    await expect.poll(() => coordinatorPage.getByLabel('Aktivitet, rad 1', { exact: true }).inputValue(), { timeout: 10_000 }).toBe('Uppstartsmöte')
    await coordinatorPage.context().close()

    await context.setOffline(true)
    await connection(page).filter({ hasText: 'Ingen anslutning' }).waitFor({ timeout: 10_000 })
    await title.fill('Uppstartsmöte med styrgruppen')
    const planSection = fixture.sections.find((section) => section.key === 'aktivitetsplan')!
    const locked = await call(server.url, 'POST', `/api/documents/${fixture.documentId}/sections/${planSection.id}/lock`, fixture.coordinator.token, {})
    expect(locked.status).toBe(200)
    await context.setOffline(false)
    await page.getByRole('button', { name: 'Ladda om dokumentet' }).waitFor({ timeout: 10_000 })
    // The panel names the lock as the reason, not a lack of rights.
    await page.getByText('Tidsplanen är låst för granskning. Du kan läsa den men inte ändra den.').waitFor({ timeout: 10_000 })
    expect(await page.getByText('Du kan läsa planen men inte ändra den.').count()).toBe(0)

    await page.reload()
    await expect.poll(() => connection(page).getAttribute('data-status'), { timeout: 10_000 }).toBe('connected')
    const unsaved = page.getByRole('textbox', { name: 'Text som inte kunde sparas: aktiviteten ”Uppstartsmöte med styrgruppen” i tidsplanen' })
    await expect.poll(() => unsaved.inputValue(), { timeout: 10_000 }).toContain('Uppstartsmöte med styrgruppen')
    await context.close()
  })
})
