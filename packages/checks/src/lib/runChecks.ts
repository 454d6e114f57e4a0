import { getTemplate } from '@samskriv/schema'
import type { CheckDocument } from './CheckDocument.ts'
import type { CheckItemResult, CheckReport } from './CheckReport.ts'
import type { ChecklistItem } from './Checklist.ts'
import { DocumentIndex } from './DocumentIndex.ts'
import { getChecklist } from './getChecklist.ts'
import { manualResult } from './manualResult.ts'
import { PRINCIPLES } from './principles.ts'
import { evaluateRule } from './rules/evaluateRule.ts'
import { verdictOf } from './verdictOf.ts'

function itemResult(item: ChecklistItem, index: DocumentIndex): CheckItemResult {
  if (item.rule.type === 'manual') return manualResult(item, item.rule.sectionKey, index)
  const outcome = evaluateRule(item.rule, index, item.advice)
  const result: CheckItemResult = {
    id: item.id,
    title: item.title,
    kind: 'automatic',
    status: outcome.status,
    message: outcome.message,
  }
  // Optional keys are left out rather than set to undefined, so the JSON is the same everywhere.
  if (outcome.sectionKey !== undefined) {
    const section = index.section(outcome.sectionKey)
    if (section) result.sectionId = section.id
    result.sectionKey = outcome.sectionKey
  }
  return result
}

/**
 * Runs the template's checklist over a document. Pure and deterministic: no clock, no I/O,
 * the same document always gives the same report (the caller stamps `ranAt`).
 *
 * @example
 * const report = runChecks({ templateId: 'fardplan', templateVersion: 1, sections, signOffs: {} })
 * report.verdict // 'fail' | 'pending' | 'warn' | 'pass'
 */
export function runChecks(doc: CheckDocument): CheckReport {
  const checklist = getChecklist(doc.templateId)
  const index = new DocumentIndex(doc, getTemplate(doc.templateId))
  const results = checklist.items.map((item) => ({
    principle: item.principle,
    result: itemResult(item, index),
  }))
  const groups = PRINCIPLES.map(({ principle, title }) => ({
    principle,
    title,
    items: results.filter((entry) => entry.principle === principle).map((entry) => entry.result),
  })).filter((group) => group.items.length > 0)
  return {
    checklistId: checklist.id,
    checklistVersion: checklist.version,
    templateId: doc.templateId,
    verdict: verdictOf(results.map((entry) => entry.result)),
    groups,
  }
}
