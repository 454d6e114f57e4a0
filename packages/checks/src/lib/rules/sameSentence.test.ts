import { describe, expect, it } from 'vitest'
import { checkItem, esfWith } from '../testing/checkItem.ts'

const analysis = {
  'tidigare-insatser': '',
  malgrupp: '',
  aktorer: '',
  'horisontella-principer': '',
  orsaker: '',
  konsekvenser: '',
}

describe('same-sentence rule (D3)', () => {
  it('passes when one sentence combines sex with another ground', () => {
    const item = checkItem(
      'D3',
      esfWith({ ...analysis, problem: 'Äldre kvinnor med funktionsnedsättning får minst stöd.' }),
    )
    expect(item.status).toBe('pass')
    expect(item.message).toContain('Äldre kvinnor med funktionsnedsättning')
  })

  it('warns when the grounds only appear in separate sentences', () => {
    const problem = 'Kvinnor får mindre stöd. Unga har svårt att nå arbete.'
    expect(checkItem('D3', esfWith({ ...analysis, problem })).status).toBe('warn')
  })

  it('treats a line break as a sentence boundary', () => {
    const problem = 'Kvinnor får mindre stöd\nUnga har svårt att nå arbete'
    expect(checkItem('D3', esfWith({ ...analysis, problem })).status).toBe('warn')
  })
})
