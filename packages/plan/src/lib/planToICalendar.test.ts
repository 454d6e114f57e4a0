import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { foldICalLine } from './foldICalLine.ts'
import { planToICalendar } from './planToICalendar.ts'
import { testActivity } from './testActivity.ts'

const now = new Date('2024-03-05T08:09:10Z')

function events(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
}

describe('planToICalendar', () => {
  const plan = [
    testActivity({
      id: 'enkat',
      title: 'Enkät, analys; och återkoppling till förbunden',
      description: 'Omfattar alla förbund\nsvar senast i december',
      owner: { kind: 'external', name: 'Högskolan' },
      start: '2023-11',
      end: '2024-01',
    }),
    testActivity({
      id: 'manad',
      title: 'Månadsträff med förbundscheferna',
      start: '2023-10',
      end: '2024-09',
      status: 'pagar',
      recurrence: { every: 'month' },
    }),
    testActivity({
      id: 'kvartal',
      title: 'Styrelserapport',
      start: '2023-11',
      end: '2024-12',
      recurrence: { every: 'quarter', until: '2024-08' },
    }),
    testActivity({
      id: 'stopp',
      title: 'Almedalen',
      start: '2024-06',
      end: '2024-06',
      status: 'installd',
    }),
  ]
  const ics = planToICalendar(plan, { calendarName: 'Färdplan, NNS', now })

  it('writes a calendar with CRLF line endings and no line over 75 octets', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(ics).toContain('X-WR-CALNAME:Färdplan\\, NNS')
  })

  it('parses back with ical.js: summaries, descriptions, dates, UID, status', () => {
    const [enkat, manad, , stopp] = events(ics)
    expect(enkat?.summary).toBe('Enkät, analys; och återkoppling till förbunden')
    expect(enkat?.description).toBe(
      'Omfattar alla förbund\nsvar senast i december\nAnsvarig: Högskolan (extern)\nFas: Analys\nStatus: planerad',
    )
    expect(enkat?.uid).toBe('enkat@samskriv')
    expect(enkat?.startDate.toString()).toBe('2023-11-01')
    expect(enkat?.startDate.isDate).toBe(true)
    expect(enkat?.endDate.toString()).toBe('2024-02-01')
    expect(enkat?.component.getFirstPropertyValue('status')).toBe('TENTATIVE')
    expect(enkat?.component.getFirstPropertyValue('dtstamp')?.toString()).toBe(
      '2024-03-05T08:09:10Z',
    )
    expect(manad?.endDate.toString()).toBe('2023-11-01')
    expect(manad?.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(stopp?.component.getFirstPropertyValue('status')).toBe('CANCELLED')
  })

  it('lists links in the description as linkLabel names them, and leaves bare ids out', () => {
    const linked = [testActivity({ id: 'l', links: ['s1', 'gone'] })]
    const titles = new Map([['s1', 'Syfte och vision']])
    const [named] = events(planToICalendar(linked, { calendarName: 'F', now, linkLabel: (link) => titles.get(link) ?? '(borttaget avsnitt)' }))
    expect(named?.description).toBe('Fas: Analys\nStatus: planerad\nKopplat till: Syfte och vision; (borttaget avsnitt)')
    const [bare] = events(planToICalendar(linked, { calendarName: 'F', now }))
    expect(bare?.description).not.toContain('Kopplat till')
  })

  it('expands a monthly series across the year boundary to 12 occurrences', () => {
    const manad = events(ics)[1]
    expect(manad?.isRecurring()).toBe(true)
    const iterator = manad?.iterator()
    const dates: string[] = []
    for (let next = iterator?.next(); next && dates.length < 100; next = iterator?.next())
      dates.push(next.toString())
    expect(dates).toHaveLength(12)
    expect(dates.slice(2, 4)).toEqual(['2023-12-01', '2024-01-01'])
    expect(dates.at(-1)).toBe('2024-09-01')
  })

  it('expands a quarterly series up to until', () => {
    const kvartal = events(ics)[2]
    expect(ics).toContain('RRULE:FREQ=MONTHLY;INTERVAL=3;UNTIL=20240801')
    const expansion = new ICAL.RecurExpansion({
      component: kvartal!.component,
      dtstart: kvartal!.startDate,
    })
    const dates: string[] = []
    for (let next = expansion.next(); next && dates.length < 100; next = expansion.next())
      dates.push(next.toString())
    expect(dates).toEqual(['2023-11-01', '2024-02-01', '2024-05-01', '2024-08-01'])
  })

  it('escapes backslashes and keeps long multi-byte text intact when folding', () => {
    const title = `${'Återkoppling å ä ö '.repeat(8)}\\slut`
    const [event] = events(planToICalendar([testActivity({ title })], { calendarName: 'x', now }))
    expect(event?.summary).toBe(title)
  })

  it('folds at 75 octets without splitting characters', () => {
    const line = `SUMMARY:${'ö'.repeat(40)}😀${'a'.repeat(80)}`
    const folded = foldICalLine(line)
    const parts = folded.split('\r\n ')
    expect(parts.join('')).toBe(line)
    for (const part of parts)
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(
        74 + (part === parts[0] ? 1 : 0),
      )
    expect(foldICalLine('KORT:rad')).toBe('KORT:rad')
  })

  it('exports an activity that ends before it starts as one month', () => {
    const [event] = events(
      planToICalendar([testActivity({ start: '2024-05', end: '2024-02' })], {
        calendarName: 'x',
        now,
      }),
    )
    expect(event?.endDate.toString()).toBe('2024-06-01')
  })
})
