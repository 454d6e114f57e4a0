import { describe, expect, it } from 'vitest'
import { checkItem, esfWith } from '../testing/checkItem.ts'

const complete = { goal: 'Mål 1', indicator: 'Andel i arbete', baseline: '20 %', target: '35 %' }

describe('indicators-complete rule (A3)', () => {
  it('passes when every row has goal, indicator, baseline and target', () => {
    const item = checkItem(
      'A3',
      esfWith({
        indikatorer: { fields: { rows: [complete, { ...complete, goal: 'Mål 2', baseline: 0 }] } },
      }),
    )
    expect(item).toMatchObject({
      status: 'pass',
      message: '2 indikatorer för 2 mål, alla med utgångsläge och målvärde.',
    })
  })

  it('fails naming the row and what it lacks', () => {
    const rows = [
      complete,
      { goal: 'Mål 2', indicator: 'Antal rutiner', baseline: '', target: ' ' },
    ]
    const item = checkItem('A3', esfWith({ indikatorer: { fields: { rows } } }))
    expect(item.status).toBe('fail')
    expect(item.message).toContain('Rad 2 (”Antal rutiner”) saknar utgångsläge och målvärde.')
  })

  it('warns when the table is empty', () => {
    expect(checkItem('A3', esfWith({ indikatorer: 'Vi följer upp.' })).status).toBe('warn')
  })
})

describe('indicators-by-sex rule (J3)', () => {
  it('passes on a row flagged by sex', () => {
    const rows = [{ ...complete, bySex: true }]
    expect(checkItem('J3', esfWith({ indikatorer: { fields: { rows } } })).message).toBe(
      'Indikatorn ”Andel i arbete” redovisas per kön.',
    )
  })

  it('passes on text saying the indicators are split by sex', () => {
    expect(
      checkItem('J3', esfWith({ indikatorer: 'Alla indikatorer är könsuppdelade.' })).status,
    ).toBe('pass')
    expect(
      checkItem('J3', esfWith({ indikatorer: 'Andelen kvinnor och andelen män i arbete.' })).status,
    ).toBe('pass')
  })

  it('fails when nothing is split by sex', () => {
    const item = checkItem(
      'J3',
      esfWith({ indikatorer: { text: 'Andel i arbete.', fields: { rows: [complete] } } }),
    )
    expect(item).toMatchObject({ status: 'fail', sectionId: 's-indikatorer' })
  })
})
