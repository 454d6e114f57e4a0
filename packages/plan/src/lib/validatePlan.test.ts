import { describe, expect, it } from 'vitest'
import { testActivity } from './testActivity.ts'
import { validatePlan } from './validatePlan.ts'

describe('validatePlan', () => {
  it('accepts a consistent plan', () => {
    expect(
      validatePlan([testActivity()], {
        projectStart: '2023-10',
        projectEnd: '2024-09',
        memberIds: [],
      }),
    ).toEqual([])
  })

  it('reports an empty title', () => {
    expect(validatePlan([testActivity({ title: '   ' })])).toEqual([
      {
        activityId: 'a1',
        field: 'title',
        code: 'empty-title',
        message: 'Aktiviteten saknar titel.',
        params: { title: '' },
      },
    ])
  })

  it('reports a title over 500 characters (counted as characters, emoji once), naming it by its first 60', () => {
    const long = `Kartläggning ${'av samverkan '.repeat(40)}`.trim() // 532 characters
    const [issue, ...rest] = validatePlan([testActivity({ title: long })])
    expect(rest).toEqual([])
    expect(issue).toMatchObject({ field: 'title', code: 'title-too-long', params: { length: [...long].length } })
    expect(issue?.params.title).toBe(`${long.slice(0, 60).trimEnd()}…`)
    expect(issue?.message).toBe(`”${long.slice(0, 60).trimEnd()}…” har ${[...long].length} tecken; en aktivitet får ha högst 500.`)
    expect(validatePlan([testActivity({ title: '🙂'.repeat(500) })])).toEqual([])
    expect(validatePlan([testActivity({ title: '🙂'.repeat(501) })])[0]?.code).toBe('title-too-long')
  })

  it('reports an end before the start, in Swedish month names', () => {
    const [issue] = validatePlan([testActivity({ start: '2024-02', end: '2023-11' })])
    expect(issue).toMatchObject({ field: 'end', code: 'end-before-start' })
    expect(issue?.message).toBe(
      '”Kartläggning av samverkan” slutar (november 2023) före sin start (februari 2024).',
    )
  })

  it('reports activities outside the project period', () => {
    const issues = validatePlan(
      [
        testActivity({ id: 'early', start: '2023-09' }),
        testActivity({ id: 'late', end: '2024-10' }),
        testActivity({
          id: 'series',
          start: '2024-01',
          end: '2024-03',
          recurrence: { every: 'month', until: '2024-12' },
        }),
      ],
      { projectStart: '2023-10', projectEnd: '2024-09' },
    )
    expect(issues.map((issue) => [issue.activityId, issue.code, issue.field])).toEqual([
      ['early', 'starts-before-project', 'start'],
      ['late', 'ends-after-project', 'end'],
      ['series', 'ends-after-project', 'recurrence'],
      ['series', 'recurrence-outside-activity', 'recurrence'],
    ])
    expect(issues[0]?.message).toContain('före projektets start oktober 2023')
    expect(issues[1]?.message).toContain('efter projektets slut september 2024')
  })

  it('reports an owner who is no longer a member, but not external owners', () => {
    const issues = validatePlan(
      [
        testActivity({ id: 'gone', owner: { kind: 'member', userId: 'u2', name: 'Åsa Öberg' } }),
        testActivity({ id: 'here', owner: { kind: 'member', userId: 'u1', name: 'Lena' } }),
        testActivity({ id: 'ext', owner: { kind: 'external', name: 'Försäkringskassan' } }),
      ],
      { memberIds: new Set(['u1']) },
    )
    expect(issues).toEqual([
      {
        activityId: 'gone',
        field: 'owner',
        code: 'owner-not-member',
        message:
          'Ansvarig har lämnat arbetsytan: ”Kartläggning av samverkan” har Åsa Öberg som ansvarig. Välj en ny ansvarig.',
        params: { title: 'Kartläggning av samverkan', owner: 'Åsa Öberg' },
      },
    ])
    // Without a member list the check is skipped rather than flagging everyone.
    expect(
      validatePlan([testActivity({ owner: { kind: 'member', userId: 'u2', name: 'Åsa' } })]),
    ).toEqual([])
  })
})
