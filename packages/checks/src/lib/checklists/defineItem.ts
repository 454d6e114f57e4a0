import type { ChecklistItem, Rule } from '../Checklist.ts'
import type { Principle } from '../CheckReport.ts'
import { itemTexts } from './itemTexts.ts'

// The id's letter names the principle (DOMAIN.md numbering), so an item cannot be filed
// under the wrong group by a slip in the data.
const PRINCIPLE_OF_PREFIX: Readonly<Record<string, Principle>> = {
  A: 'allmant',
  J: 'jamstalldhet',
  T: 'tillganglighet',
  D: 'icke-diskriminering',
}

/** A checklist item from its stable id and its rule; title and advice come from `itemTexts`. */
export function defineItem(id: string, rule: Rule): ChecklistItem {
  const principle = PRINCIPLE_OF_PREFIX[id.charAt(0)]
  const text = itemTexts[id]
  if (!principle || !text) throw new Error(`Okänd checklistepunkt: ${id}`)
  return Object.freeze({
    id,
    principle,
    title: text.title,
    advice: text.advice,
    kind: rule.type === 'manual' ? 'manual' : 'automatic',
    rule: Object.freeze(rule),
  })
}
