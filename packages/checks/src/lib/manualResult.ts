import type { ChecklistItem } from './Checklist.ts'
import type { CheckItemResult } from './CheckReport.ts'
import type { DocumentIndex } from './DocumentIndex.ts'
import { quote } from './format/quote.ts'

const SIGNED_STATUSES = new Set(['pass', 'warn', 'fail'])
const VERDICT_TEXT = {
  pass: 'uppfylld',
  warn: 'uppfylld med anmärkning',
  fail: 'inte uppfylld',
} as const

/**
 * A manual item: pending until an analyst signs it off; pending again (and `stale`) once
 * the concerned section's text or structured values (table rows, figures, a plan's activities)
 * no longer match the hash recorded at sign-off (`sectionSignOffHash`). A sign-off of a
 * section's item without a hash is stale too: nothing says which text was judged (the app always
 * records one; another client may not), so the report must not call the section assessed.
 */
export function manualResult(
  item: ChecklistItem,
  sectionKey: string | undefined,
  index: DocumentIndex,
): CheckItemResult {
  const section = sectionKey ? index.section(sectionKey) : undefined
  const base: CheckItemResult = {
    id: item.id,
    title: item.title,
    kind: 'manual',
    status: 'pending',
    message: '',
  }
  if (section) base.sectionId = section.id
  if (sectionKey) base.sectionKey = sectionKey
  const signOffs = index.doc.signOffs
  const signOff = Object.hasOwn(signOffs, item.id) ? signOffs[item.id] : undefined
  if (!signOff || !SIGNED_STATUSES.has(signOff.status)) {
    return { ...base, message: `Väntar på analytikerns bedömning. ${item.advice}` }
  }
  const when = typeof signOff.at === 'string' ? signOff.at.slice(0, 10) : ''
  if (sectionKey && (section || signOff.sectionHash !== undefined)) {
    const current = section ? index.hash(section) : undefined
    if (current !== signOff.sectionHash) {
      const signer = signOff.byName ?? signOff.by
      return {
        ...base,
        stale: true,
        signOff,
        message:
          signOff.sectionHash === undefined
            ? `Signeringen av ${signer} ${when} anger inte vilken text i ${quote(index.titleOf(sectionKey))} som bedömdes. Analytikern behöver granska texten och signera igen.`
            : `${quote(index.titleOf(sectionKey))} har ändrats sedan ${signer} signerade ${when}. Analytikern behöver granska texten och signera igen.`,
      }
    }
  }
  const note = typeof signOff.note === 'string' ? signOff.note.trim() : ''
  return {
    ...base,
    status: signOff.status,
    signOff,
    message: `Bedömd som ${VERDICT_TEXT[signOff.status]} av ${signOff.byName ?? signOff.by} ${when}${note ? `: ${note}` : '.'}`,
  }
}
