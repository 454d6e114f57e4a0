import { describe, expect, it } from 'vitest'
import { checkItem } from '../testing/checkItem.ts'

describe('mentions-if rule (T3)', () => {
  it('does not apply when no digital tool is planned', () => {
    const item = checkItem('T3', { metod: 'Vi träffas i förbundets lokaler.' })
    expect(item.status).toBe('pass')
    expect(item.message).toContain('gäller inte')
  })

  it('fails when an e-service is planned without digital accessibility, and points to it', () => {
    const item = checkItem('T3', { metod: 'Deltagarna bokar tider i en ny e-tjänst.' })
    expect(item).toMatchObject({ status: 'fail', sectionId: 's-metod' })
    expect(item.message).toContain('”e tjänst”')
  })

  it('passes when WCAG or a tillgänglighetsredogörelse is mentioned anywhere', () => {
    const inputs = {
      metod: 'Vi bygger en app för deltagarna.',
      kompetenser: 'Appen granskas mot WCAG 2.1 AA.',
    }
    expect(checkItem('T3', inputs).status).toBe('pass')
  })
})
