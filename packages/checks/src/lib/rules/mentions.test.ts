import { describe, expect, it } from 'vitest'
import { checkItem, esfWith } from '../testing/checkItem.ts'

describe('mentions rule', () => {
  it('J5 passes on an inflected form of jämställd in the goals', () => {
    const item = checkItem(
      'J5',
      esfWith({ projektmal: 'Mål 2: Kvinnor och män ska få jämställda villkor i stödet.' }),
    )
    expect(item).toMatchObject({ status: 'pass', sectionId: 's-projektmal' })
    expect(item.message).toContain('”jämställda”')
  })

  it('J5 fails and says what to add when no goal is about gender equality', () => {
    const item = checkItem('J5', esfWith({ projektmal: 'Mål 1: Fler unga vuxna får arbete.' }))
    expect(item.status).toBe('fail')
    expect(item.sectionId).toBe('s-projektmal')
    expect(item.message).toMatch(
      /Hittade inget om ”jämställdhet” i ”Projektmål”\. Formulera minst ett mål/,
    )
  })

  it('T1 finds a compound of funktionsnedsättning anywhere in the analysis', () => {
    const text = 'Deltagare med neuropsykiatriska funktionsnedsättningar avbryter oftare.'
    const inputs = esfWith({ problem: text, malgrupp: 'Unga vuxna.', 'horisontella-principer': '' })
    expect(checkItem('T1', inputs).status).toBe('pass')
  })

  it('T1 fails when no analysis section mentions disability or accessibility', () => {
    const inputs = esfWith({
      problem: 'Många unga vuxna saknar arbete. Kvinnor och män möter olika hinder.',
      malgrupp: 'Unga vuxna, 34 kvinnor och 26 män.',
      'horisontella-principer': '',
    })
    expect(checkItem('T1', inputs).status).toBe('fail')
  })

  it('T6 warns, never fails, when no accommodation is planned', () => {
    const inputs = esfWith({
      tidsplan: {
        fields: { activities: [{ title: 'Rekrytering', start: '2026-09', end: '2026-10' }] },
      },
      budget: { fields: { rows: [{ label: 'Personal', amount: 100 }] } },
      huvudaktiviteter: 'Vi rekryterar och utbildar.',
      metod: 'Varje deltagare får en fast kontaktperson.',
    })
    expect(checkItem('T6', inputs).status).toBe('warn')
  })

  it('D5 reads the indicator rows and the evaluation', () => {
    const inputs = esfWith({
      indikatorer: { text: 'Vi följer upp kvartalsvis.' },
      utvardering: 'En extern utvärdering görs.',
    })
    expect(checkItem('D5', inputs).status).toBe('fail')
    expect(
      checkItem(
        'D5',
        esfWith({
          utvardering:
            'Utvärderingen granskar om deltagarna behandlas lika och om någon diskrimineras.',
        }),
      ).status,
    ).toBe('pass')
  })
})
