import { afterEach, describe, expect, it } from 'vitest'
import type { CheckItemResult } from '@samskriv/checks'
import type { ChecksResponse } from '../../api/client.ts'
import { setLang } from '../../app/i18n.ts'
import { staleItemIds, withLiveStaleness } from './withLiveStaleness.ts'

afterEach(() => setLang('sv'))

const signed: CheckItemResult = {
  id: 'A6',
  title: 'Förankring',
  kind: 'manual',
  status: 'pass',
  sectionId: 's1',
  sectionKey: 'forankring',
  message: 'Bedömd som uppfylld av Sara 2026-11-24.',
  signOff: { status: 'pass', note: '', by: 'u1', byName: 'Sara', at: '2026-11-24T10:00:00.000Z', sectionHash: 'h1' },
}
const automatic: CheckItemResult = { id: 'A1', title: 'Längd', kind: 'automatic', status: 'pass', sectionId: 's1', message: 'OK.' }

const report = (...items: CheckItemResult[]): ChecksResponse => ({
  checklistId: 'horisontell-analys',
  checklistVersion: '2026-1',
  templateId: 'horisontell-analys',
  verdict: 'pass',
  groups: [{ principle: 'allmant', title: 'Allmänt', items }],
  documentId: 'd1',
  ranAt: '2026-11-24T10:00:01.000Z',
})

describe('a report read against the live sections', () => {
  it('is the same report while the signed section keeps its hash', () => {
    const shown = report(signed, automatic)
    expect(withLiveStaleness(shown, new Map([['s1', { hash: 'h1', title: 'Förankring' }]]))).toBe(shown)
    expect(staleItemIds(shown).size).toBe(0)
  })

  it('marks a sign-off whose section changed stale and waiting, and reads the verdict again', () => {
    const shown = withLiveStaleness(report(signed, automatic), new Map([['s1', { hash: 'h2', title: 'Förankring' }]]))
    const [item, other] = shown.groups[0]!.items
    expect(item).toMatchObject({ status: 'pending', stale: true, signOff: signed.signOff })
    expect(item!.message).toBe('”Förankring” har ändrats sedan Sara signerade 2026-11-24. Analytikern behöver granska texten och signera igen.')
    expect(other).toBe(automatic)
    expect(shown.verdict).toBe('pending')
    expect([...staleItemIds(shown)]).toEqual(['A6'])
  })

  it('speaks English when the user chose English', () => {
    setLang('en')
    const shown = withLiveStaleness(report(signed), new Map([['s1', { hash: 'h2', title: 'Anchoring' }]]))
    expect(shown.groups[0]!.items[0]!.message).toMatch(/^“Anchoring” has changed since Sara signed it off on 2026-11-24\./)
  })

  it('leaves items the report already calls stale, unsigned items and removed sections to the next run', () => {
    const stale: CheckItemResult = { ...signed, status: 'pending', stale: true, message: 'Från servern.' }
    const unsigned: CheckItemResult = { ...signed, id: 'A7', status: 'pending', signOff: undefined, message: 'Väntar.' }
    const gone: CheckItemResult = { ...signed, id: 'A8', sectionId: 's9' }
    const shown = report(stale, unsigned, gone)
    expect(withLiveStaleness(shown, new Map([['s1', { hash: 'h2', title: 'Förankring' }]]))).toBe(shown)
  })
  it("tells the analyst who signed that the text changed since *they* signed, also for an item the server already called stale", () => {
    const live = new Map([['s1', { hash: 'h2', title: 'Förankring' }]])
    const own = withLiveStaleness(report(signed), live, 'u1').groups[0]!.items[0]!
    expect(own.message).toBe('”Förankring” har ändrats sedan du signerade 2026-11-24. Granska texten och signera igen.')
    const fromServer: CheckItemResult = { ...signed, status: 'pending', stale: true, message: '”Förankring” har ändrats sedan Sara signerade 2026-11-24. Analytikern behöver granska texten och signera igen.' }
    expect(withLiveStaleness(report(fromServer), new Map([['s1', { hash: 'h1', title: 'Förankring' }]]), 'u1').groups[0]!.items[0]!.message)
      .toBe('”Förankring” har ändrats sedan du signerade 2026-11-24. Granska texten och signera igen.')
    // Someone else reads it in the third person.
    expect(withLiveStaleness(report(signed), live, 'u2').groups[0]!.items[0]!.message).toMatch(/sedan Sara signerade/)
  })
})
