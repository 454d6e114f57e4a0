import { describe, expect, it } from 'vitest'
import { getTemplate } from './getTemplate.ts'
import { TEMPLATE_IDS, isTemplateId } from './templateIds.ts'
import { templates } from './templates.ts'
import { templateSchema } from './templateSchema.ts'
import type { TemplateDefinition } from './TemplateDefinition.ts'

describe('templates', () => {
  it.each(TEMPLATE_IDS)('%s validates against the schema', (id) => {
    expect(templateSchema.safeParse(templates[id]).success).toBe(true)
    expect(getTemplate(id).id).toBe(id)
  })

  it.each(TEMPLATE_IDS)('%s has unique keys and positive limits', (id) => {
    const keys = templates[id].sections.map((s) => s.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const section of templates[id].sections) {
      if (section.charLimit !== null) {
        expect(section.charLimit).toBeGreaterThan(0)
        expect(Number.isInteger(section.charLimit)).toBe(true)
      }
      expect(section.guidance.length).toBeGreaterThan(40)
    }
  })

  it('ESF+ has the structured plan, participants, budget and indicator sections', () => {
    const kindOf = (key: string) =>
      getTemplate('esf-projektide').sections.find((s) => s.key === key)?.kind
    expect(kindOf('tidsplan')).toBe('plan')
    expect(kindOf('deltagare')).toBe('participants')
    expect(kindOf('budget')).toBe('budget')
    expect(kindOf('indikatorer')).toBe('indicators')
  })

  it('ESF+ follows the form: problem analysis, summaries in Swedish and English', () => {
    const sections = getTemplate('esf-projektide').sections
    const keys = sections.map((s) => s.key)
    expect(keys.slice(1, 7)).toEqual([
      'problem',
      'orsaker',
      'konsekvenser',
      'tidigare-insatser',
      'malgrupp',
      'aktorer',
    ])
    expect(sections.find((s) => s.key === 'summary-en')?.lang).toBe('en')
    expect(sections.find((s) => s.key === 'problem')).toMatchObject({
      number: '2.1',
      charLimit: 4000,
      required: true,
    })
  })

  it('färdplan has an activity plan and every template an easy-read summary at LIX 40', () => {
    expect(getTemplate('fardplan').sections.find((s) => s.key === 'aktivitetsplan')?.kind).toBe(
      'plan',
    )
    for (const id of TEMPLATE_IDS) {
      expect(getTemplate(id).sections.find((s) => s.key === 'lattlast')?.maxLix).toBe(40)
    }
  })

  it('horisontell analys has one section per principle', () => {
    const keys = getTemplate('horisontell-analys').sections.map((s) => s.key)
    expect(keys).toEqual(
      expect.arrayContaining(['jamstalldhet', 'tillganglighet', 'icke-diskriminering']),
    )
  })

  it('rejects duplicate keys, zero limits and bad slugs', () => {
    const base = templates.fardplan
    const first = base.sections[0]!
    const dup: TemplateDefinition = { ...base, sections: [first, first] }
    expect(templateSchema.safeParse(dup).success).toBe(false)
    expect(
      templateSchema.safeParse({ ...base, sections: [{ ...first, charLimit: 0 }] }).success,
    ).toBe(false)
    expect(
      templateSchema.safeParse({ ...base, sections: [{ ...first, key: 'Syfte och vision' }] })
        .success,
    ).toBe(false)
  })

  it('is frozen so callers cannot change a shared template', () => {
    const section = templates.fardplan.sections[0]!
    expect(() => {
      ;(section as { title: string }).title = 'ändrad'
    }).toThrow()
  })

  it('narrows template ids', () => {
    expect(isTemplateId('horisontell-analys')).toBe(true)
    expect(isTemplateId('ansokan')).toBe(false)
    expect(isTemplateId(undefined)).toBe(false)
  })
})
