import { describe, expect, it } from 'vitest'
import type { SignOff } from './CheckDocument.ts'
import { hashSectionText } from './text/hashSectionText.ts'
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
