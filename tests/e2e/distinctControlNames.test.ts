import type { Page } from 'playwright-core'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { logIn, openDocument, seriousViolations } from '../utils/browser.ts'
import { browserSuite } from '../utils/browserSuite.ts'
import { addThread, paragraphText } from '../utils/commentThread.ts'
import { RawClient } from '../utils/rawClient.ts'

// An ESF+ projektidé: every section and every comment thread repeats the same controls.
const suite = browserSuite('esf-projektide')

interface Control {
  role: string
  name: string
}

/** The page's buttons, text fields and selects as Chromium exposes them to assistive technology. */
async function controls(page: Page): Promise<Control[]> {
  const session = await page.context().newCDPSession(page)
  const { nodes } = (await session.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }>
  }
  await session.detach()
  return nodes
    .filter((node) => !node.ignored && ['button', 'textbox', 'combobox'].includes(node.role?.value ?? ''))
    .map((node) => ({ role: node.role!.value, name: String(node.name?.value ?? '') }))
}

/** The names of `role` controls whose name starts with `label`, as a screen reader's list shows them. */
const named = (all: Control[], role: string, label: string) => all.filter((control) => control.role === role && control.name.startsWith(label)).map((control) => control.name)

const duplicates = (names: string[]) => names.filter((name, index) => names.indexOf(name) !== index)

describe("repeated controls are told apart by their section's or thread's name", () => {
  it('names each section field and button and each thread and message control with its context, the visible text first', async () => {
    const { fixture, server } = suite
    const [first, second] = fixture.sections
    const quoteOne = 'kvinnor och män i åldern 18–29 år som står långt från arbetsmarknaden'
    const raw = await RawClient.connect(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    await raw.waitSynced()
    raw.edit((doc) => {
      for (const [section, text] of [
        [first!, `Målgruppen är ${quoteOne}.`],
        [second!, 'Vi samverkar med unga vuxna i regionen.'],
      ] as const) {
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText(text)])
        doc.getXmlFragment(`section:${section.id}`).push([paragraph])
      }
    })
    raw.edit((doc) => {
      addThread(doc, 'tråd-1', first!.id, paragraphText(doc, first!.id, 'Målgruppen'), quoteOne, fixture.coordinator, 'Vilken åldersgrupp avses?')
      addThread(doc, 'tråd-2', second!.id, paragraphText(doc, second!.id, 'samverkar'), 'unga vuxna', fixture.coordinator, 'Vilka aktörer?')
    })

    const page = await (await suite.browser.newContext()).newPage()
    await logIn(page, server.url, fixture.coordinator.email)
    await openDocument(page, server.url, fixture.documentId)
    const panel = page.getByRole('complementary', { name: 'Kommentarer' })
    await expect.poll(() => panel.getByTestId('comment-thread').count(), { timeout: 10_000 }).toBe(2)
    raw.close()
    await expect
      .poll(() => page.getByRole('button', { name: 'Kommentera' }).count(), { timeout: 10_000 })
      .toBe(fixture.sections.length)

    // A section's fields and buttons carry its title after the visible label.
    const section = page.locator(`#section-${first!.id}`)
    for (const [role, label] of [
      ['textbox', 'Avsnittets rubrik'],
      ['combobox', 'Status'],
      ['combobox', 'Ansvarig'],
      ['button', 'Kommentera'],
      ['button', 'Lås för granskning'],
    ] as const) {
      expect(await section.getByRole(role, { name: `${label}: ${first!.title}`, exact: true }).count(), label).toBe(1)
    }

    // A thread's controls carry its quote (cut to 40 characters); a message's its text and author.
    const thread = panel.locator('[data-thread-id="tråd-1"]')
    const context = '(kommentar om ”kvinnor och män i åldern 18–29 år som s…”)'
    for (const [role, label] of [
      ['textbox', 'Svara'],
      ['button', 'Skicka svar'],
      ['button', 'Markera som löst'],
      ['button', 'Visa i texten'],
    ] as const) {
      expect(await thread.getByRole(role, { name: `${label} ${context}`, exact: true }).count(), label).toBe(1)
    }
    for (const label of ['Redigera', 'Ta bort']) {
      expect(await thread.getByRole('button', { name: `${label} ”Vilken åldersgrupp avses?” (Samordnare Siv)`, exact: true }).count(), label).toBe(1)
    }

    // Across the page no two of these share a name, and each starts with its visible text. (The
    // plan's form for a new activity has a "Status" and an "Ansvarig" of its own, once.)
    const all = await controls(page)
    const sections = fixture.sections.length
    for (const [role, label, context, count] of [
      ['textbox', 'Avsnittets rubrik', ': ', sections],
      ['combobox', 'Status', ': ', sections],
      ['combobox', 'Ansvarig', ': ', sections],
      ['button', 'Kommentera', ': ', sections],
      ['button', 'Lås för granskning', ': ', sections],
      ['textbox', 'Svara', ' (kommentar om ”', 2],
      ['button', 'Skicka svar', ' (kommentar om ”', 2],
      ['button', 'Markera som löst', ' (kommentar om ”', 2],
      ['button', 'Visa i texten', ' (kommentar om ”', 2],
      ['button', 'Redigera', ' ”', 2],
    ] as const) {
      const names = named(all, role, label)
      expect(names.filter((name) => name.startsWith(label + context)).length, label).toBe(count)
      expect(duplicates(names), label).toEqual([])
    }
    // Other buttons begin with "Ta bort" too ("Ta bort avsnitt: …", a budget row's, the toolbar's
    // "Ta bort länk"): the messages' are these.
    const removeMessage = named(all, 'button', 'Ta bort ”')
    expect(removeMessage).toHaveLength(2)
    expect(duplicates(removeMessage)).toEqual([])
    expect(await seriousViolations(page)).toEqual([])
    await page.context().close()
  })
})
