import { afterEach, describe, expect, it } from 'vitest'
import { reportToMarkdown } from '@samskriv/checks'
import { setLang } from '../../app/i18n.ts'
import { SIGN_OFF_CHOICES, statusText, verdictText } from './statusText.ts'

afterEach(() => setLang('sv'))

describe('check statuses in words', () => {
  it('are Swedish by default', () => {
    expect(verdictText('pending')).toBe('Väntar på granskning – analytikerna har manuella punkter kvar att bedöma.')
    expect(SIGN_OFF_CHOICES.map(statusText)).toEqual(['Uppfylld', 'Varning', 'Ej uppfylld'])
  })

  it('follow the English toggle', () => {
    setLang('en')
    expect(verdictText('fail')).toBe('Not done – fix the items that are not met.')
    expect(verdictText('pending')).toMatch(/^Waiting for review/)
    expect(statusText('pending')).toBe('Waiting for assessment')
    expect(SIGN_OFF_CHOICES.map(statusText)).toEqual(['Met', 'Warning', 'Not met'])
  })

  it('say the verdict in the words of the downloaded report (same verdict, same wording)', () => {
    const markdown = reportToMarkdown({ checklistId: 'fardplan', checklistVersion: '2026-1', templateId: 'fardplan', verdict: 'fail', groups: [] }, 'T')
    for (const verdict of ['pass', 'warn', 'fail', 'pending'] as const) {
      const report = reportToMarkdown({ checklistId: 'fardplan', checklistVersion: '2026-1', templateId: 'fardplan', verdict, groups: [] }, 'T')
      expect(report).toContain(`**Samlad bedömning:** ${verdictText(verdict)}`)
    }
    expect(markdown).toContain(verdictText('fail'))
  })

  it('name an item the way the downloaded report does, not with a section status word ("Godkänd")', () => {
    const report = reportToMarkdown(
      {
        checklistId: 'fardplan', checklistVersion: '2026-1', templateId: 'fardplan', verdict: 'fail',
        groups: [{ principle: 'allmant', title: 'Allmänt', items: (['pass', 'warn', 'fail'] as const).map((status, index) => ({ id: `A${index}`, title: 'Punkt', kind: 'automatic', status, message: '' })) }],
      },
      'T',
    )
    for (const status of SIGN_OFF_CHOICES) expect(report).toContain(statusText(status))
  })
})
