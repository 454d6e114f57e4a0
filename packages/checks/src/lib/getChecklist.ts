import type { TemplateId } from '@samskriv/schema'
import type { Checklist } from './Checklist.ts'
import { esfProjektideChecklist } from './checklists/esfProjektideChecklist.ts'
import { fardplanChecklist } from './checklists/fardplanChecklist.ts'
import { horisontellAnalysChecklist } from './checklists/horisontellAnalysChecklist.ts'

const CHECKLISTS: Readonly<Record<TemplateId, Checklist>> = {
  fardplan: fardplanChecklist,
  'esf-projektide': esfProjektideChecklist,
  'horisontell-analys': horisontellAnalysChecklist,
}

/**
 * The built-in checklist for a template (one per template, versioned like "2026-1").
 *
 * @example
 * getChecklist('esf-projektide').items.filter((item) => item.kind === 'manual').length // 12
 */
export function getChecklist(templateId: TemplateId): Checklist {
  const checklist = CHECKLISTS[templateId]
  if (!checklist) throw new Error(`Ingen checklista för mallen ${String(templateId)}`)
  return checklist
}
