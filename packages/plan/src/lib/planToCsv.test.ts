import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv } from './parseCsv.ts'
import { PLAN_CSV_HEADERS, planToCsv } from './planToCsv.ts'
import { testActivity } from './testActivity.ts'

describe('parseCsv', () => {
  it('reads quoted delimiters, doubled quotes, line breaks, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,"b,c","say ""hej"""\r\n"rad 1\r\nrad 2",,x')).toEqual([
      ['a', 'b,c', 'say "hej"'],
      ['rad 1\r\nrad 2', '', 'x'],
    ])
    expect(parseCsv('a;b\n', { delimiter: ';' })).toEqual([['a', 'b']])
    expect(parseCsv('')).toEqual([])
  })
})

describe('planToCsv', () => {
  const tricky = testActivity({
    id: 'a1',
    title: 'Möte, "uppstart" & planering',
    description: 'Första raden\nandra raden; med semikolon',
    owner: { kind: 'member', userId: 'u1', name: 'Gammalt namn' },
    status: 'pagar',
    links: ['mal-1', 'section-4'],
    recurrence: { every: 'quarter', until: '2024-09' },
  })

  it('starts with a BOM, ends rows with CRLF and has Swedish headers', () => {
    const csv = planToCsv([])
    expect(csv.startsWith('\uFEFFID,Aktivitet,Beskrivning,Fas,Startmånad,Slutmånad,Status')).toBe(
      true,
    )
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('round-trips through an RFC 4180 parser, with labels and current member names', () => {
    const csv = planToCsv(
      [
        tricky,
        testActivity({
          id: 'a2',
          owner: { kind: 'external', name: 'Arbetsförmedlingen' },
          status: 'installd',
        }),
      ],
      { members: [{ userId: 'u1', name: 'Åsa Öberg' }] },
    )
    const [headers, first, second] = parseCsv(csv)
    expect(headers).toEqual([...PLAN_CSV_HEADERS])
    expect(first).toEqual([
      'a1',
      'Möte, "uppstart" & planering',
      'Första raden\nandra raden; med semikolon',
      'Analys',
      '2023-10',
      '2023-12',
      'pågår',
      'Åsa Öberg',
      'varje kvartal',
      '2024-09',
      'mal-1; section-4',
    ])
    expect(second?.[6]).toBe('inställd')
    expect(second?.[7]).toBe('Arbetsförmedlingen (extern)')
  })

  it('marks owners who have left and supports a semicolon for Swedish Excel', () => {
    const csv = planToCsv([tricky], { members: [], delimiter: ';' })
    const [, row] = parseCsv(csv, { delimiter: ';' })
    expect(row?.[7]).toBe('Gammalt namn (har lämnat arbetsytan)')
    expect(row?.[2]).toBe('Första raden\nandra raden; med semikolon')
  })

  it('writes links as linkLabel names them, e.g. section titles', () => {
    const titles = new Map([['section-4', 'Nuläge']])
    const [, row] = parseCsv(planToCsv([tricky], { linkLabel: (link) => titles.get(link) ?? '(borttaget avsnitt)' }))
    expect(row?.[10]).toBe('(borttaget avsnitt); Nuläge')
  })

  it('defuses cells Excel would run as formulas', () => {
    const [, row] = parseCsv(
      planToCsv([testActivity({ title: '=HYPERLINK("http://x")', description: '@SUM(A1)' })]),
    )
    expect(row?.[1]).toBe('\'=HYPERLINK("http://x")')
    expect(row?.[2]).toBe("'@SUM(A1)")
  })

  it('round-trips any title and description', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'å', ',', ';', '"', '\n', '\r\n', ' ', 'Ö', '😀'),
    })
    fc.assert(
      fc.property(text, text, (title, description) => {
        const [, row] = parseCsv(
          planToCsv([testActivity({ title: `x${title}`, description: `y${description}` })]),
        )
        expect(row?.[1]).toBe(`x${title}`)
        expect(row?.[2]).toBe(`y${description}`)
      }),
    )
  })
})
