import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newFixture, type Fixture, type TestUser } from '../utils/api.ts'
import { launchBrowser, logIn, openDocument } from '../utils/browser.ts'
import { newClient } from '../utils/newClient.ts'
import { newServer, type TestServer } from '../utils/newServer.ts'
import { waitFor } from '../utils/waitFor.ts'

let server: TestServer
let browser: Browser
let fixture: Fixture
let anna: TestUser
let bertil: TestUser

beforeAll(async () => {
  server = await newServer()
  browser = await launchBrowser()
  fixture = await newFixture(server.url, 'fardplan')
  anna = await fixture.addMember('editor', 'Anna Andersson')
  bertil = await fixture.addMember('editor', 'Bertil Berg')
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** True once some IndexedDB database of this document holds `text` in its stored updates. */
function offlineCopyHolds(page: Page, documentId: string, text: string): Promise<boolean> {
  return page.evaluate(
    async ({ documentId, text }) => {
      const needle = new TextEncoder().encode(text)
      const contains = (bytes: Uint8Array) => {
        outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
          for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
          return true
        }
        return false
      }
      for (const { name } of await indexedDB.databases()) {
        if (!name?.includes(documentId)) continue
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name)
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        })
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction('updates').objectStore('updates').getAll()
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        })
        db.close()
        if (values.some((value) => value instanceof Uint8Array && contains(value))) return true
      }
      return false
    },
    { documentId, text },
  )
}

describe('the offline copy in a shared browser', () => {
  it("keeps one person's unsent text out of the next person's session, and sends it when they return", async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const section = fixture.sections[2]!
    const editorOf = () => page.getByRole('textbox', { name: section.title, exact: true })
    const observer = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)

    await logIn(page, server.url, anna.email)
    await openDocument(page, server.url, fixture.documentId)
    // Connected is not loaded: going offline before the first sync would leave no section to type in.
    await editorOf().waitFor({ timeout: 15_000 })
    await context.setOffline(true)
    await page.getByTestId('connection-status').filter({ hasText: 'Ingen anslutning' }).waitFor({ timeout: 10_000 })
    await editorOf().click()
    await page.keyboard.insertText('Annas osända text.')
    await expect.poll(() => offlineCopyHolds(page, fixture.documentId, 'Annas osända text.'), { timeout: 10_000 }).toBe(true)

    // Anna leaves the page before the network returns and her session ends on this computer;
    // Bertil signs in on the same browser.
    await page.goto('about:blank')
    await context.clearCookies()
    await context.setOffline(false)
    await logIn(page, server.url, bertil.email)
    await openDocument(page, server.url, fixture.documentId)
    await editorOf().click()
    await page.keyboard.type('Bertils markör.')
    // Bertil's typing comes after his connection's first sync on the same socket, so by the
    // time it arrives anything his browser would have sent from Anna's copy has arrived too.
    await waitFor(() => observer.text(section.id).includes('Bertils markör.'), "Bertil's text reaches the server")
    expect(observer.text(section.id)).not.toContain('Annas osända text.')
    expect(await editorOf().textContent()).not.toContain('Annas osända text.')

    // Anna comes back: her offline text is sent under her own account.
    await context.clearCookies()
    await logIn(page, server.url, anna.email)
    await openDocument(page, server.url, fixture.documentId)
    await waitFor(() => observer.text(section.id).includes('Annas osända text.'), "Anna's offline text reaches the server", 10_000)
    observer.destroy()
    await context.close()
  })
})
