import { readFile } from 'node:fs/promises'
import { addActivity } from '@samskriv/plan'
import { describe, expect, it } from 'vitest'
import { logIn, openDocument } from '../utils/browser.ts'
import { browserSuite } from '../utils/browserSuite.ts'
import { newClient } from '../utils/newClient.ts'

const suite = browserSuite('fardplan')

describe("the plan's downloads in English mode", () => {
  it('write their headers, statuses and owner marks in English; in Swedish mode in Swedish', async () => {
    const { server, browser, fixture } = suite
    const client = await newClient(server.wsUrl, fixture.documentId, fixture.coordinator.token)
    addActivity(client.doc, {
      title: 'Kartläggning', description: '', owner: { kind: 'external', name: 'Region Dalarna' }, start: '2031-01', end: '2031-03',
      status: 'pagar', phase: 'Analys', links: [], recurrence: { every: 'month' },
    })
    const page = await (await browser.newContext()).newPage()
    await logIn(page, server.url, fixture.coordinator.email)
    await openDocument(page, server.url, fixture.documentId)
    const downloaded = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.getByRole('button', { name: button }).click()])
      return readFile((await download.path())!, 'utf8')
    }
    await page.getByRole('button', { name: 'Ladda ner CSV' }).waitFor({ timeout: 10_000 })
    expect((await downloaded('Ladda ner CSV')).split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFID;Aktivitet;Beskrivning;Fas;Startmånad;Slutmånad;Status;Ansvarig;Upprepas;Upprepas till;Kopplingar',
      expect.stringContaining(';Kartläggning;;Analys;2031-01;2031-03;pågår;Region Dalarna (extern);varje månad;;'),
    ])

    await page.getByRole('button', { name: 'Switch to English' }).click()
    await page.getByRole('button', { name: 'Download CSV' }).waitFor({ timeout: 10_000 })
    expect((await downloaded('Download CSV')).split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFID;Activity;Description;Phase;Start month;End month;Status;Owner;Repeats;Repeats until;Links',
      expect.stringContaining(';Kartläggning;;Analys;2031-01;2031-03;in progress;Region Dalarna (external);every month;;'),
    ])
    const calendar = (await downloaded('Download iCalendar')).replace(/\r\n /g, '')
    expect(calendar).toContain('X-WR-CALNAME:Roadmap')
    expect(calendar).toContain('DESCRIPTION:Owner: Region Dalarna (external)\\nPhase: Analys\\nStatus: in progress')
    await page.context().close()
    client.destroy()
  })
})
