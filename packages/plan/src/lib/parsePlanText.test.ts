import { describe, expect, it } from 'vitest'
import { parsePlanText } from './parsePlanText.ts'

// Plans written for these tests in the shapes groups paste: headings per month, bullets of
// several kinds, years left out, sub-bullets, ranges and recurring meetings.
const WITH_YEARS = `Tidsplan för förstudien

Oktober 2023
- Styrgruppsmöte
- Uppstart med arbetsgruppen
  - bjud in alla förbundschefer
  - boka lokal i Örebro
- Intervjuer med medlemmarna

November
• Styrgruppsmöte
• Sammanställning av intervjuerna

December
* Styrgruppsmöte.
* Julavslutning för nätverket

Jan 2024:
1. styrgruppsmöte
2. Delrapport till styrelsen`

const WITHOUT_YEARS = `November
- Uppstartsmöte med partnerna
December
- Enkät till medlemmarna
Januari
- Analys av enkäten
Februari
- Analys av enkäten
Mars–April
- Workshopserie med medarbetare
Maj-juli
- Slutredigering av rapporten`

function summary(text: string, options = {}) {
  const result = parsePlanText(text, options)
  return {
    ...result,
    rows: result.activities.map((a) => [a.title, a.start, a.end, a.recurrence?.every ?? null]),
  }
}

describe('parsePlanText', () => {
  it('reads month headings, bullets of every kind and advances the year', () => {
    const result = summary(WITH_YEARS)
    expect(result.errors).toEqual([])
    expect(result.rows).toEqual([
      ['Styrgruppsmöte', '2023-10', '2024-01', 'month'],
      ['Uppstart med arbetsgruppen', '2023-10', '2023-10', null],
      ['Intervjuer med medlemmarna', '2023-10', '2023-10', null],
      ['Sammanställning av intervjuerna', '2023-11', '2023-11', null],
      ['Julavslutning för nätverket', '2023-12', '2023-12', null],
      ['Delrapport till styrelsen', '2024-01', '2024-01', null],
    ])
    expect(result.warnings).toEqual([
      { line: 1, message: 'Raden står före första månadsrubriken och hoppas över.' },
    ])
  })

  it('merges a recurring item into one activity that remembers its lines', () => {
    const [meeting] = parsePlanText(WITH_YEARS).activities
    expect(meeting).toEqual({
      title: 'Styrgruppsmöte',
      description: '',
      owner: null,
      start: '2023-10',
      end: '2024-01',
      status: 'planerad',
      phase: '',
      links: [],
      recurrence: { every: 'month' },
      sourceLines: [4, 11, 15, 19],
    })
  })

  it('turns sub-bullets into the description of their item', () => {
    const kickoff = parsePlanText(WITH_YEARS).activities[1]
    expect(kickoff?.description).toBe('• bjud in alla förbundschefer\n• boka lokal i Örebro')
    expect(kickoff?.sourceLines).toEqual([5])
  })

  it('takes the year from the project start and gives range headings their span', () => {
    const result = summary(WITHOUT_YEARS, { projectStart: '2023-11' })
    expect(result.errors).toEqual([])
    expect(result.rows).toEqual([
      ['Uppstartsmöte med partnerna', '2023-11', '2023-11', null],
      ['Enkät till medlemmarna', '2023-12', '2023-12', null],
      ['Analys av enkäten', '2024-01', '2024-02', 'month'],
      ['Workshopserie med medarbetare', '2024-03', '2024-04', null],
      ['Slutredigering av rapporten', '2024-05', '2024-07', null],
    ])
  })

  it('takes the year from defaultYear, or reads it backwards from a later heading', () => {
    expect(summary(WITHOUT_YEARS, { defaultYear: 2025 }).rows[0]).toEqual([
      'Uppstartsmöte med partnerna',
      '2025-11',
      '2025-11',
      null,
    ])
    const backwards = summary('November\n- a\nDecember\n- b\nJanuari 2024\n- c\nFebruari\n- d')
    expect(backwards.rows.map((row) => row[1])).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ])
    const range = summary('Nov–feb 2025\n- Förberedelser\nMars\n- Start')
    expect(range.rows).toEqual([
      ['Förberedelser', '2024-11', '2025-02', null],
      ['Start', '2025-03', '2025-03', null],
    ])
  })

  it('refuses when no year can be found', () => {
    const result = parsePlanText(WITHOUT_YEARS)
    expect(result.activities).toEqual([])
    expect(result.errors).toEqual([
      {
        line: 1,
        message:
          'Året framgår inte. Skriv året i den första månadsrubriken, t.ex. ”Oktober 2023”, eller ange projektets startmånad.',
      },
    ])
  })

  it('handles text pasted from Word: tabs, o-bullets, non-breaking spaces, CRLF, Markdown headings', () => {
    const word = [
      '## September 2024',
      '•\tMöte med referensgruppen',
      'o\tdagordning skickas ut i förväg',
      '§\tprotokoll, beslut och uppföljning',
      '•\tPlanering\u00a0av hösten',
      '**Oktober 2024:**',
      '•\tMöte med referensgruppen',
    ].join('\r\n')
    const result = parsePlanText(word)
    expect(result.errors).toEqual([])
    expect(result.activities.map((a) => [a.title, a.description, a.start, a.end])).toEqual([
      [
        'Möte med referensgruppen',
        '• dagordning skickas ut i förväg\n• protokoll, beslut och uppföljning',
        '2024-09',
        '2024-10',
      ],
      ['Planering av hösten', '', '2024-09', '2024-09'],
    ])
  })

  it('nests by indentation, several levels deep, and joins wrapped lines', () => {
    const text = [
      'Mars 2024',
      '- Kunskapsöversikt om samverkan',
      '    - läsa in forskning',
      '        - svensk och nordisk',
      '    - sammanfatta för styrelsen',
      '- En lång aktivitet som skrivits',
      '  över två rader',
    ].join('\n')
    const [overview, long] = parsePlanText(text).activities
    expect(overview?.description).toBe(
      '• läsa in forskning\n  • svensk och nordisk\n• sammanfatta för styrelsen',
    )
    expect(long?.title).toBe('En lång aktivitet som skrivits över två rader')
  })

  it('does not glue a line it cannot read onto the item above, and says so', () => {
    const text = 'Januari 2027\n- Kickoff\n13/2027 Felaktig månad\nFebruari 2027\n- Intervjuer\nMaj–juli 2027 Slutredigering\n  fortsättning'
    const result = parsePlanText(text)
    expect(result.activities.map((a) => [a.title, a.description])).toEqual([['Kickoff', ''], ['Intervjuer', '']])
    expect(result.warnings.map((warning) => warning.line)).toEqual([3, 6, 7])
    expect(result.warnings[0]?.message).toContain('Raden ”13/2027 Felaktig månad” kunde inte läsas')
    expect(result.warnings[1]?.message).toContain('Raden ”Maj–juli 2027 Slutredigering” kunde inte läsas')
  })

  it('accepts months written as list items with the activities nested below', () => {
    const text = '- Oktober 2023\n  - Enkät\n  - Intervjuer\n- November 2023\n  - Analys'
    expect(summary(text).rows).toEqual([
      ['Enkät', '2023-10', '2023-10', null],
      ['Intervjuer', '2023-10', '2023-10', null],
      ['Analys', '2023-11', '2023-11', null],
    ])
  })

  it('detects quarterly items and splits a series at a break with a warning', () => {
    const quarterly = summary(
      'Jan 2024\n- Rapport till styrelsen\nApril\n- Rapport till styrelsen\nJuli\n- Rapport till styrelsen\nOktober\n- Rapport till styrelsen',
    )
    expect(quarterly.rows).toEqual([['Rapport till styrelsen', '2024-01', '2024-10', 'quarter']])

    const lines = ['Maj 2024', 'Juni', 'Juli', 'Augusti', 'September'].flatMap((month) =>
      month === 'Juli' ? [month, '- Semesterplanering'] : [month, '- Nätverksträff'],
    )
    const withBreak = summary(lines.join('\n'))
    expect(withBreak.rows).toEqual([
      ['Nätverksträff', '2024-05', '2024-06', 'month'],
      ['Semesterplanering', '2024-07', '2024-07', null],
      ['Nätverksträff', '2024-08', '2024-09', 'month'],
    ])
    expect(withBreak.warnings).toEqual([
      {
        line: 8,
        message:
          '”Nätverksträff” återkommer med uppehåll och blir 2 aktiviteter (maj 2024–juni 2024, augusti 2024–september 2024).',
      },
    ])
  })

  it('keeps an item listed twice under one month once, with a warning', () => {
    const result = summary('Maj 2024\n- Enkät\n- enkät')
    expect(result.rows).toEqual([['Enkät', '2024-05', '2024-05', null]])
    expect(result.warnings[0]).toEqual({
      line: 3,
      message: '”enkät” står redan på rad 2 under samma månad och tas med en gång.',
    })
  })

  it('warns about empty months, lines without bullets, and a year that goes backwards', () => {
    const result = parsePlanText(
      'Maj 2024\n- Enkät\n\nEn kommentar mitt i\nJuni 2024\nJuli 2023\n- Fel år',
    )
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([
      { line: 4, message: 'Raden är varken en månadsrubrik eller en punkt och hoppas över.' },
      { line: 5, message: 'Inga aktiviteter under juni 2024.' },
      {
        line: 6,
        message: 'juli 2023 kommer före föregående rubrik (juni 2024). Kontrollera årtalet.',
      },
    ])
    const plain = parsePlanText('Maj 2024\nEnkät\nBudget 2025\nIntervjuer')
    expect(plain.activities.map((a) => a.title)).toEqual(['Enkät', 'Budget 2025', 'Intervjuer'])
    expect(plain.warnings).toEqual([
      { line: 1, message: 'Inga punkter under maj 2024: varje rad tolkas som en aktivitet.' },
    ])
  })

  describe('refuses', () => {
    it('empty input', () => {
      for (const text of ['', '  \n\t\n']) {
        expect(parsePlanText(text)).toEqual({
          activities: [],
          warnings: [],
          errors: [
            {
              line: 1,
              message:
                'Texten är tom. Klistra in en tids- och aktivitetsplan med en rubrik för varje månad.',
            },
          ],
        })
      }
    })

    it('a text without any month heading', () => {
      const result = parsePlanText('\nVåra aktiviteter\n- Enkät\n- Workshop')
      expect(result.activities).toEqual([])
      expect(result.errors).toEqual([
        {
          line: 2,
          message:
            'Hittade ingen månadsrubrik. Skriv varje månad på en egen rad före dess aktiviteter, t.ex. ”Oktober 2023”.',
        },
      ])
    })

    it('a bullet before the first month heading', () => {
      const result = parsePlanText('- Förberedelser\nOktober 2023\n- Enkät')
      expect(result.activities).toEqual([])
      expect(result.errors).toEqual([
        {
          line: 1,
          message:
            'Punkten står före första månadsrubriken. Lägg till en rubrik som ”Oktober 2023” ovanför.',
        },
      ])
    })

    it('an unknown month name, suggesting the closest one', () => {
      const result = parsePlanText(
        'Oktober 2023\n- Enkät\nNovembr\n- Analys\nHöst 2024\n- Workshop',
      )
      expect(result.activities).toEqual([])
      expect(result.errors).toEqual([
        {
          line: 3,
          message:
            'Okänt månadsnamn ”Novembr”. Menade du ”november”? Skriv rubriken som t.ex. ”Oktober 2023”.',
        },
        { line: 5, message: 'Okänt månadsnamn ”Höst”. Skriv rubriken som t.ex. ”Oktober 2023”.' },
      ])
    })

    it('a range that ends before it starts', () => {
      const result = parsePlanText('Maj 2024–mars 2024\n- Enkät')
      expect(result.activities).toEqual([])
      expect(result.errors[0]?.line).toBe(1)
    })
  })
})
