import { describe, expect, it } from 'vitest'
import { checkItem, esfWith } from '../testing/checkItem.ts'

const period = { fields: { start: '2026-09-01', end: '2027-08-31' } }
const plan = (activities: unknown[]) => ({ tidsplan: { fields: { activities } }, oversikt: period })

describe('plan-dates rule (A5)', () => {
  it('passes when every activity lies inside the project period', () => {
    const item = checkItem(
      'A5',
      esfWith(plan([{ title: 'Kartläggning', start: '2026-09', end: '2026-12' }])),
    )
    expect(item.message).toBe('1 aktivitet, alla inom projektperioden 2026-09 – 2027-08.')
  })

  it('fails on an activity outside the period or ending before it starts', () => {
    const item = checkItem(
      'A5',
      esfWith(
        plan([
          { title: 'Förberedelse', start: '2026-06', end: '2026-09' },
          { title: 'Enkät', start: '2027-03', end: '2027-02' },
          { title: 'Utan datum' },
        ]),
      ),
    )
    expect(item.status).toBe('fail')
    expect(item.message).toContain(
      '”Förberedelse” (2026-06 – 2026-09) ligger utanför projektperioden 2026-09 – 2027-08.',
    )
    expect(item.message).toContain('”Enkät” slutar (2027-02) innan den börjar (2027-03).')
    expect(item.message).toContain('”Utan datum” saknar giltig start- eller slutmånad')
  })

  it('fails when the project ends before it starts', () => {
    const inputs = esfWith({ oversikt: { fields: { start: '2027-01-01', end: '2026-12-31' } } })
    expect(checkItem('A5', inputs).message).toContain('Projektperioden måste börja före den slutar')
  })

  it('warns when the plan is empty or the period is unknown', () => {
    expect(checkItem('A5', esfWith({ tidsplan: { fields: { activities: [] } } })).status).toBe(
      'warn',
    )
    const noPeriod = esfWith({ oversikt: 'Nya vägar' })
    expect(checkItem('A5', noPeriod).status).toBe('warn')
  })

  it('reads the period from the plan itself in a färdplan', () => {
    const aktivitetsplan = {
      fields: {
        periodStart: '2026-01',
        periodEnd: '2026-12',
        activities: [{ title: 'Möte', start: '2027-01', end: '2027-01' }],
      },
    }
    expect(checkItem('A5', { aktivitetsplan }, 'fardplan').status).toBe('fail')
  })
})
