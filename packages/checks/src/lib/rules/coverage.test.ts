import { describe, expect, it } from 'vitest'
import { checkItem, esfWith } from '../testing/checkItem.ts'

const noOtherAnalysis = {
  'tidigare-insatser': '',
  malgrupp: '',
  aktorer: '',
  'horisontella-principer': '',
}

describe('coverage rule', () => {
  it('J1 passes when the problem analysis covers women and men in any inflection', () => {
    const inputs = esfWith({
      problem: 'Kvinnornas sjukskrivningar är längre.',
      orsaker: 'Männens kontakter med vården är färre.',
    })
    expect(checkItem('J1', inputs).status).toBe('pass')
  })

  it('J1 warns naming the missing group, fails when both are missing', () => {
    const onlyWomen = checkItem(
      'J1',
      esfWith({ problem: 'Ensamstående mammor saknar stöd.', orsaker: '', konsekvenser: '' }),
    )
    expect(onlyWomen.status).toBe('warn')
    expect(onlyWomen.message).toContain(
      'Saknas i ”Problemet projektet vill lösa”, ”Orsaker till problemet” och ”Konsekvenser av problemet”: ”män eller pojkar”',
    )
    const neither = checkItem(
      'J1',
      esfWith({ problem: 'Unga vuxna saknar stöd.', orsaker: '', konsekvenser: '' }),
    )
    expect(neither.status).toBe('fail')
  })

  it('J1 does not take the pronoun "man" or "allmän" for men', () => {
    const item = checkItem(
      'J1',
      esfWith({
        problem: 'Man kan säga att kvinnor har ett allmänt sämre stöd.',
        orsaker: '',
        konsekvenser: '',
      }),
    )
    expect(item.status).toBe('warn')
  })

  it('D1 passes with all seven grounds, warns listing the missing ones, fails with none', () => {
    const all = [
      'Kvinnor och män, transpersoner och unga hbtq-personer möter olika hinder.',
      'Nyanlända, personer med funktionsnedsättning och äldre deltagare får mindre stöd.',
      'Vi frågar också om religion påverkar bemötandet.',
    ].join('\n')
    expect(
      checkItem('D1', esfWith({ ...noOtherAnalysis, problem: all, orsaker: '', konsekvenser: '' }))
        .status,
    ).toBe('pass')
    const some = checkItem(
      'D1',
      esfWith({
        ...noOtherAnalysis,
        problem: 'Kvinnor och unga får mindre stöd.',
        orsaker: '',
        konsekvenser: '',
      }),
    )
    expect(some.status).toBe('warn')
    expect(some.message).toContain('”etnisk tillhörighet”')
    expect(some.message).not.toContain('”ålder”')
    const none = checkItem(
      'D1',
      esfWith({
        ...noOtherAnalysis,
        problem: 'Stödet är splittrat.',
        orsaker: '',
        konsekvenser: '',
      }),
    )
    expect(none.status).toBe('fail')
  })

  it('D1 does not read transport or transnationellt as a trans ground', () => {
    const text = 'Kvinnor saknar transport. Vi arbetar transnationellt.'
    const item = checkItem(
      'D1',
      esfWith({ ...noOtherAnalysis, problem: text, orsaker: '', konsekvenser: '' }),
    )
    expect(item.message).toContain('”könsöverskridande identitet eller uttryck”')
  })

  it('T2 warns naming the one facet of accessibility that is missing', () => {
    const doc: Record<string, string> = {
      problem: 'Lokalerna saknar hiss. Informationen finns bara på svenska.',
    }
    const item = checkItem('T2', doc)
    expect(item.status).toBe('warn')
    expect(item.message).toMatch(/Saknas i dokumentet: ”verksamhet och bemötande”/)
  })
})
