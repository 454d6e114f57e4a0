import type { TemplateId } from '@samskriv/schema'
import type { SignOff } from '../CheckDocument.ts'
import type { CheckItemResult } from '../CheckReport.ts'
import { runChecks } from '../runChecks.ts'
import { buildDocument, type SectionInput } from './buildDocument.ts'
import { esfInputs } from './esfInputs.ts'

/** One item's result for a document built from inputs. Test helper only. */
export function checkItem(
  id: string,
  inputs: Record<string, SectionInput>,
  templateId: TemplateId = 'esf-projektide',
  signOffs: Record<string, SignOff> = {},
): CheckItemResult {
  const report = runChecks(buildDocument(templateId, inputs, signOffs))
  const item = report.groups
    .flatMap((group) => group.items)
    .find((candidate) => candidate.id === id)
  if (!item) throw new Error(`Punkten ${id} finns inte i rapporten`)
  return item
}

/** The passing ESF+ fixture with some sections replaced. */
export function esfWith(changes: Record<string, SectionInput>): Record<string, SectionInput> {
  return { ...esfInputs, ...changes }
}
