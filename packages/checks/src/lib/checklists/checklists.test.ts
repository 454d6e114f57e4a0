import { getTemplate, TEMPLATE_IDS } from '@samskriv/schema'
import { describe, expect, it } from 'vitest'
import type { Rule } from '../Checklist.ts'
import { getChecklist } from '../getChecklist.ts'

function keysOf(rule: Rule): string[] {
  const keys: string[] = []
  if ('sectionKeys' in rule && rule.sectionKeys) keys.push(...rule.sectionKeys)
  if ('excludeKeys' in rule && rule.excludeKeys) keys.push(...rule.excludeKeys)
  if ('sectionKey' in rule && rule.sectionKey) keys.push(rule.sectionKey)
  if ('periodSectionKey' in rule && rule.periodSectionKey) keys.push(rule.periodSectionKey)
  return keys
}

describe.each(TEMPLATE_IDS)('checklist for %s', (templateId) => {
  const checklist = getChecklist(templateId)
  const templateKeys = new Set(getTemplate(templateId).sections.map((section) => section.key))

  it('belongs to its template and has unique ids', () => {
    expect(checklist.templateId).toBe(templateId)
    const ids = checklist.items.map((item) => item.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('only refers to sections its template has', () => {
    for (const item of checklist.items) {
      for (const key of keysOf(item.rule))
        expect(templateKeys.has(key), `${item.id} → ${key}`).toBe(true)
    }
  })

  it('has at least five items per principle, automatic and manual both', () => {
    for (const principle of ['jamstalldhet', 'tillganglighet', 'icke-diskriminering'] as const) {
      const group = checklist.items.filter((item) => item.principle === principle)
      expect(group.length).toBeGreaterThanOrEqual(5)
      expect(new Set(group.map((item) => item.kind))).toEqual(new Set(['automatic', 'manual']))
    }
  })

  it('marks exactly the manual rules as manual', () => {
    for (const item of checklist.items)
      expect(item.kind === 'manual').toBe(item.rule.type === 'manual')
  })
})
