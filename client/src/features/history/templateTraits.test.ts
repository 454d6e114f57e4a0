import { describe, expect, it } from 'vitest'
import { templateTraits } from './templateTraits.ts'

describe('templateTraits', () => {
  it('knows the färdplan has a plan, in its section Aktivitetsplan', () => {
    const traits = templateTraits('fardplan')
    expect(traits.hasPlan).toBe(true)
    expect(traits.traitsOf('Aktivitetsplan')).toEqual({ plan: true })
  })

  it('knows the ESF+ plan section, and that its structured sections are no plan', () => {
    const traits = templateTraits('esf-projektide')
    expect(traits.hasPlan).toBe(true)
    expect(traits.traitsOf('Tids- och aktivitetsplan').plan).toBe(true)
    for (const title of ['Översikt', 'Budget och medfinansiering', 'Deltagare', 'Uppföljning och indikatorer']) {
      expect(traits.traitsOf(title)).toEqual({ plan: false })
    }
  })

  it('reads text sections, unknown titles and an unknown template as plain text without a plan', () => {
    expect(templateTraits('esf-projektide').traitsOf('Problemet projektet vill lösa')).toEqual({ plan: false })
    expect(templateTraits('fardplan').traitsOf('Ett eget avsnitt')).toEqual({ plan: false })
    expect(templateTraits('horisontell-analys').hasPlan).toBe(false)
    expect(templateTraits(undefined).hasPlan).toBe(false)
  })
})
