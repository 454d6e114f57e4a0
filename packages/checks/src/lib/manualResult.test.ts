import { describe, expect, it } from 'vitest'
import type { SignOff } from './CheckDocument.ts'
import { hashSectionText } from './text/hashSectionText.ts'
import { sectionSignOffHash } from './text/sectionSignOffHash.ts'
import { checkItem, esfWith } from './testing/checkItem.ts'
import { esfInputs } from './testing/esfInputs.ts'

const problem = esfInputs['problem'] as string
const signed = (overrides: Partial<SignOff> = {}): Record<string, SignOff> => ({
  J7: {
    status: 'pass',
    note: 'Orsakerna är väl beskrivna.',
    by: 'Analytiker Berg',
    at: '2026-03-02T10:15:00Z',
    sectionHash: hashSectionText(problem),
    ...overrides,
  },
})

describe('manual items', () => {
  it('are pending until an analyst signs them off, and tell the analyst what to judge', () => {
    const item = checkItem('J7', esfInputs)
    expect(item).toMatchObject({
      kind: 'manual',
      status: 'pending',
      sectionId: 's-problem',
      sectionKey: 'problem',
    })
    expect(item.message).toMatch(/^Väntar på analytikerns bedömning\. Bedöm om analysen förklarar/)
    expect(item.stale).toBeUndefined()
  })

  it('take the sign-off status and show who signed, when and the note', () => {
    const item = checkItem('J7', esfInputs, 'esf-projektide', signed())
    expect(item.status).toBe('pass')
    expect(item.signOff?.by).toBe('Analytiker Berg')
    expect(item.message).toBe(
      'Bedömd som uppfylld av Analytiker Berg 2026-03-02: Orsakerna är väl beskrivna.',
    )
    expect(
      checkItem('J7', esfInputs, 'esf-projektide', signed({ status: 'fail', note: '' })).status,
    ).toBe('fail')
  })

  it('survive whitespace-only edits of the section', () => {
    const inputs = esfWith({ problem: `  ${problem.replaceAll('\n', '\n\n')}  ` })
    expect(checkItem('J7', inputs, 'esf-projektide', signed()).status).toBe('pass')
  })

  it('become stale and pending when the section text changed after the sign-off', () => {
    const inputs = esfWith({ problem: `${problem}\nEn ny mening om orsaker.` })
    const item = checkItem('J7', inputs, 'esf-projektide', signed())
    expect(item).toMatchObject({ status: 'pending', stale: true, sectionId: 's-problem' })
    expect(item.signOff?.status).toBe('pass')
    expect(item.message).toBe(
      '”Problemet projektet vill lösa” har ändrats sedan Analytiker Berg signerade 2026-03-02. Analytikern behöver granska texten och signera igen.',
    )
  })

  it('treat a sign-off of a section without a hash as stale: nothing says which text was judged', () => {
    const item = checkItem('J7', esfInputs, 'esf-projektide', signed({ sectionHash: undefined }))
    expect(item).toMatchObject({ status: 'pending', stale: true, sectionId: 's-problem' })
    expect(item.message).toBe(
      'Signeringen av Analytiker Berg 2026-03-02 anger inte vilken text i ”Problemet projektet vill lösa” som bedömdes. Analytikern behöver granska texten och signera igen.',
    )
  })

  it('ignore sign-offs for other items', () => {
    expect(checkItem('J8', esfInputs, 'esf-projektide', signed()).status).toBe('pending')
  })
})

describe('manual items of a section with structured values', () => {
  const mal = {
    text: 'Mål 1: Fler unga vuxna går vidare till arbete eller studier.',
    fields: {
      rows: [{ goal: 'Mål 1', indicator: 'Andel i arbete', baseline: '22 %', target: '40 %' }],
    },
  }
  const signedMal = (sectionHash: string): Record<string, SignOff> => ({
    J8: {
      status: 'pass',
      note: '',
      by: 'Analytiker Berg',
      at: '2026-03-02T10:15:00Z',
      sectionHash,
    },
  })
  const j8 = (section: typeof mal, sectionHash: string) =>
    checkItem('J8', { mal: section }, 'fardplan', signedMal(sectionHash))

  it('pass while the text and the values are what the analyst signed', () => {
    expect(j8(mal, sectionSignOffHash(mal.text, mal.fields)).status).toBe('pass')
  })

  it('become stale when an editor adds an indicator row after the sign-off', () => {
    const hash = sectionSignOffHash(mal.text, mal.fields)
    const added = {
      ...mal,
      fields: {
        rows: [
          ...mal.fields.rows,
          { goal: 'Mål 2', indicator: 'Nöjdhet', baseline: '', target: '' },
        ],
      },
    }
    expect(j8(added, hash)).toMatchObject({ status: 'pending', stale: true, sectionId: 's-mal' })
  })

  it('stay valid when only the key order of the values differs', () => {
    const hash = sectionSignOffHash(mal.text, mal.fields)
    const reordered = {
      ...mal,
      fields: {
        rows: [{ target: '40 %', baseline: '22 %', indicator: 'Andel i arbete', goal: 'Mål 1' }],
      },
    }
    expect(j8(reordered, hash).status).toBe('pass')
  })

  it('read an old text-only sign-off as stale once: it did not record the values', () => {
    expect(j8(mal, hashSectionText(mal.text))).toMatchObject({ status: 'pending', stale: true })
  })
})
