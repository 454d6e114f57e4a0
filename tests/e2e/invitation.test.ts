import { describe, expect, it } from 'vitest'
import { registerUser } from '../utils/api.ts'
import { logIn, seriousViolations } from '../utils/browser.ts'
import { browserSuite } from '../utils/browserSuite.ts'

const suite = browserSuite()

/** The coordinator invites an address nobody has registered, through the members panel; returns the link. */
async function inviteThroughUi(email: string): Promise<string> {
  const context = await suite.browser.newContext()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url })
  const page = await context.newPage()
  await logIn(page, suite.server.url, suite.fixture.coordinator.email)
  await page.goto(`${suite.server.url}/w/${suite.fixture.workspaceId}`)
  await page.getByLabel('E-post').fill(email)
  await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Skribent' })
  await page.getByRole('button', { name: 'Lägg till medlem' }).click()
  const link = (await page.getByTestId('invitation-url').textContent({ timeout: 5_000 })) ?? ''
  // The link is copied with one button, as the coordinator sends it on by other means.
  await page.getByRole('button', { name: 'Kopiera länken' }).click()
  await page.getByText('Länken är kopierad.', { exact: false }).waitFor({ timeout: 5_000 })
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
  await context.close()
  return link
}

describe('an invitation link in the browser', () => {
  it('a new person opens the link, creates an account with the invited address and joins the workspace', async () => {
    const email = `ny-${Date.now()}@example.se`
    const link = await inviteThroughUi(email)
    expect(link).toContain('/invite/')

    const page = await (await suite.browser.newContext()).newPage()
    await page.goto(link)
    await page.getByRole('heading', { name: 'Inbjudan till Förbundet' }).waitFor({ timeout: 5_000 })
    expect(await page.getByText(`Inbjudan gäller ${email}, med rollen Skribent.`).count()).toBe(1)
    await expect.poll(() => page.getByLabel('E-post').inputValue(), { timeout: 3_000 }).toBe(email)
    expect(await seriousViolations(page)).toEqual([])

    await page.getByLabel('Namn').fill('Nya Nilsson')
    await page.getByLabel('Lösenord').fill('lösenord123')
    await page.getByRole('button', { name: 'Skapa konto' }).click()
    // The next step has focus, not the page: Enter joins.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement === document.body ? '<body>' : document.activeElement?.textContent ?? null)), { timeout: 5_000 })
      .toBe('Gå med i arbetsytan')
    await page.keyboard.press('Enter')
    await page.getByText('Din roll: Skribent').waitFor({ timeout: 5_000 })
    expect(new URL(page.url()).pathname).toBe(`/w/${suite.fixture.workspaceId}`)
    expect(await page.getByRole('heading', { name: 'Förbundet', level: 1 }).count()).toBe(1)
    await page.context().close()
  })

  it('can be read in English before signing in: the toggle is on the invitation and the login page, and the choice stays', async () => {
    const email = `engelska-${Date.now()}@example.se`
    const link = await inviteThroughUi(email)
    const page = await (await suite.browser.newContext()).newPage()
    await page.goto(link)
    await page.getByRole('heading', { name: 'Inbjudan till Förbundet' }).waitFor({ timeout: 5_000 })
    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('heading', { name: 'Invitation to Förbundet' }).waitFor({ timeout: 5_000 })
    expect(await page.getByText(`The invitation is for ${email}, with the role Writer.`).count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Create account' }).count()).toBe(1)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await seriousViolations(page)).toEqual([])
    // The login page has it too, and the choice carries over; back to Swedish from there.
    await page.goto(suite.server.url)
    await page.getByRole('heading', { name: 'Log in or create an account' }).waitFor({ timeout: 5_000 })
    await page.getByRole('button', { name: 'Byt till svenska' }).click()
    await page.getByRole('heading', { name: 'Logga in eller skapa konto' }).waitFor({ timeout: 5_000 })
    await page.context().close()
  })

  it('a new person who presses Enter after filling in a name creates the account (Enter used to log in and fail)', async () => {
    const email = `enter-${Date.now()}@example.se`
    const link = await inviteThroughUi(email)
    const page = await (await suite.browser.newContext()).newPage()
    await page.goto(link)
    await page.getByRole('heading', { name: 'Inbjudan till Förbundet' }).waitFor({ timeout: 5_000 })
    await page.getByLabel('Namn').fill('Enter Eriksson')
    await page.getByLabel('Lösenord').fill('lösenord123')
    await page.getByLabel('Lösenord').press('Enter')
    await page.getByRole('button', { name: 'Gå med i arbetsytan' }).waitFor({ timeout: 5_000 })
    expect(await page.getByRole('alert').count()).toBe(0)
    await page.context().close()
  })

  it('someone logged in with another address is told so and offered to log out, not to join', async () => {
    const link = await inviteThroughUi(`annan-${Date.now()}@example.se`)
    const other = await registerUser(suite.server.url, 'Fel Adress')
    const page = await (await suite.browser.newContext()).newPage()
    await logIn(page, suite.server.url, other.email)
    await page.goto(link)
    await page.getByText(`Du är inloggad som ${other.email}.`, { exact: false }).waitFor({ timeout: 5_000 })
    expect(await page.getByRole('button', { name: 'Gå med i arbetsytan' }).count()).toBe(0)
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('main').getByRole('button', { name: 'Logga ut' }).click()
    await page.getByRole('heading', { name: 'Inbjudan till Förbundet' }).waitFor({ timeout: 5_000 })
    await page.context().close()
  })
})
