import { describe, expect, it } from 'vitest'
import { checkItem, esfWith } from '../testing/checkItem.ts'

// Ten words, each longer than six letters, repeated three times in one sentence:
// O = 30, M = 1, L = 30 → LIX = 30/1 + 100·30/30 = 130.
const HEAVY =
  Array.from(
    { length: 3 },
    () =>
      'Samordningsförbundets verksamhetsutveckling förutsätter strukturerad myndighetsövergripande kompetensutveckling avseende arbetslivsinriktad rehabilitering tillsammans',
  ).join(' ') + '.'

describe('lix rule', () => {
  it('T4 passes an easy summary and reports its LIX and band', () => {
    // Vi hjälper unga. | Du får stöd. | Det är gratis.
    // O = 9, M = 3, L = 1 (hjälper, 7 letters) → 9/3 + 100·1/9 = 3 + 11.1 = 14.1 → 14
    const item = checkItem(
      'T4',
      esfWith({ lattlast: 'Vi hjälper unga. Du får stöd. Det är gratis.' }),
    )
    expect(item.status).toBe('pass')
    expect(item.message).toContain('LIX 14 (mycket lättläst)')
  })

  it('T4 fails a hard easy-read summary', () => {
    const item = checkItem('T4', esfWith({ lattlast: HEAVY }))
    expect(item).toMatchObject({ status: 'fail', sectionId: 's-lattlast' })
    expect(item.message).toContain('LIX 130')
  })

  it('T4 only warns in ESF+ when the optional summary is missing, but fails in a färdplan', () => {
    expect(checkItem('T4', esfWith({ lattlast: '' })).status).toBe('warn')
    expect(checkItem('T4', { lattlast: '' }, 'fardplan').status).toBe('fail')
  })

  it('T5 warns about a very hard section and skips short texts and the English summary', () => {
    const item = checkItem('T5', esfWith({ metod: HEAVY }))
    expect(item).toMatchObject({ status: 'warn', sectionId: 's-metod' })
    expect(checkItem('T5', esfWith({ 'summary-en': HEAVY })).status).toBe('pass')
    expect(checkItem('T5', esfWith({ metod: 'Förutsättningar.' })).status).toBe('pass')
  })
})
