import { afterEach, describe, expect, it } from 'vitest'
import { validatePlan } from '@samskriv/plan'
import type { Activity } from '@samskriv/plan'
import { setLang } from '../../app/i18n.ts'
import { ownerLabel } from './ownerLabel.ts'
import { planIssueMessage } from './planIssueMessage.ts'

afterEach(() => setLang('sv'))

const activity = (id: string, extra: Partial<Activity>): Activity => ({
  id, title: id, description: '', owner: null, start: '2025-01', end: '2025-02',
  status: 'planerad', phase: '', links: [], recurrence: null, ...extra,
})

// One activity per issue code (the last both overruns the project and repeats outside itself).
const issues = validatePlan(
  [
    activity('a', { title: '  ' }),
    activity('Kartläggning', { start: '2025-05', end: '2025-03' }),
    activity('Uppstart', { start: '2024-11' }),
    activity('Utvärdering', { owner: { kind: 'member', userId: 'gone', name: 'Bo Berg' } }),
    activity('Månadsmöte', { start: '2025-02', end: '2025-06', recurrence: { every: 'month', until: '2026-02' } }),
  ],
  { projectStart: '2025-01', projectEnd: '2025-12', memberIds: ['u1'] },
)

describe('planIssueMessage', () => {
  it('says in Swedish exactly what the plan package says, for every kind of issue', () => {
    expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set([
      'empty-title', 'end-before-start', 'starts-before-project', 'owner-not-member', 'ends-after-project', 'recurrence-outside-activity',
    ]))
    for (const issue of issues) expect(planIssueMessage(issue)).toBe(issue.message)
  })

  it('says it in English when the user chose English, with the months in English', () => {
    setLang('en')
    expect(issues.map(planIssueMessage)).toEqual([
      'The activity has no title.',
      '“Kartläggning” ends (March 2025) before it starts (May 2025).',
      '“Uppstart” starts in November 2024, before the project starts in January 2025.',
      'The owner has left the workspace: “Utvärdering” has Bo Berg as owner. Choose a new owner.',
      '“Månadsmöte” runs until February 2026, after the project ends in December 2025.',
      '“Månadsmöte” repeats until February 2026, outside its own time February 2025–June 2025.',
    ])
  })
})

describe('ownerLabel', () => {
  it('marks outside actors and leavers in the UI’s language', () => {
    const members = [{ userId: 'u1', name: 'Åsa Nyberg' }]
    const gone = { kind: 'member', userId: 'gone', name: '' } as const
    expect(ownerLabel({ kind: 'external', name: 'Region Skåne' }, members)).toBe('Region Skåne (extern)')
    expect(ownerLabel(gone, members)).toBe('Tidigare medlem (har lämnat arbetsytan)')
    setLang('en')
    expect(ownerLabel({ kind: 'external', name: 'Region Skåne' }, members)).toBe('Region Skåne (external)')
    expect(ownerLabel(gone, members)).toBe('Former member (has left the workspace)')
    expect(ownerLabel({ kind: 'member', userId: 'u1', name: 'Åsa Gammal' }, members)).toBe('Åsa Nyberg')
  })
})
