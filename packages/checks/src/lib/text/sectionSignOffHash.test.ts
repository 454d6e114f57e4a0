import { describe, expect, it } from 'vitest'
import { hashSectionText } from './hashSectionText.ts'
import { sectionSignOffHash } from './sectionSignOffHash.ts'

const text = 'Mål 1: Fler unga vuxna går vidare till arbete eller studier.'
const row = {
  goal: 'Mål 1',
  indicator: 'Andel i arbete',
  baseline: '22 %',
  target: '40 %',
  bySex: true,
}

describe('sectionSignOffHash', () => {
  it('is hashSectionText for a section without structured values, so old sign-offs stay valid', () => {
    expect(sectionSignOffHash(text, undefined)).toBe(hashSectionText(text))
    expect(sectionSignOffHash('', undefined)).toBe('cbf29ce484222325')
  })

  it('covers the structured values: a new, changed or removed row changes it', () => {
    const base = sectionSignOffHash(text, { rows: [row] })
    expect(base).not.toBe(hashSectionText(text))
    expect(sectionSignOffHash(text, { rows: [row, { ...row, goal: 'Mål 2' }] })).not.toBe(base)
    expect(sectionSignOffHash(text, { rows: [{ ...row, target: '45 %' }] })).not.toBe(base)
    expect(sectionSignOffHash(text, { rows: [] })).not.toBe(base)
    expect(sectionSignOffHash(text, {})).not.toBe(sectionSignOffHash(text, { rows: [] }))
    // A number and the same digits as text are different values.
    expect(sectionSignOffHash(text, { total: 12 })).not.toBe(
      sectionSignOffHash(text, { total: '12' }),
    )
  })

  it("covers a plan section's activities", () => {
    const activities = [{ title: 'Rekrytering', start: '2026-09', end: '2026-10' }]
    const base = sectionSignOffHash('', { activities })
    expect(sectionSignOffHash('', { activities: [{ ...activities[0], end: '2026-12' }] })).not.toBe(
      base,
    )
    expect(sectionSignOffHash('', { activities: [] })).not.toBe(base)
  })

  it('still covers the text, with the same tolerance of whitespace layout', () => {
    const base = sectionSignOffHash(text, { rows: [row] })
    expect(sectionSignOffHash(`  ${text.replace(' ', '\n')} `, { rows: [row] })).toBe(base)
    expect(sectionSignOffHash(`${text} Ett tillägg.`, { rows: [row] })).not.toBe(base)
  })

  it('does not depend on the order in which keys were integrated, at any level', () => {
    const reversed = Object.fromEntries(Object.entries(row).reverse())
    expect(sectionSignOffHash(text, { rows: [reversed], total: 3 })).toBe(
      sectionSignOffHash(text, { total: 3, rows: [row] }),
    )
    // Order within a list is content: swapping rows is a change.
    const other = { ...row, goal: 'Mål 2' }
    expect(sectionSignOffHash(text, { rows: [row, other] })).not.toBe(
      sectionSignOffHash(text, { rows: [other, row] }),
    )
  })
})
