export { runChecks } from './lib/runChecks.ts'
export { getChecklist } from './lib/getChecklist.ts'
export { reportToMarkdown } from './lib/reportToMarkdown.ts'
export { verdictOf } from './lib/verdictOf.ts'
export { PRINCIPLES } from './lib/principles.ts'
export { hashSectionText } from './lib/text/hashSectionText.ts'
export { sectionSignOffHash } from './lib/text/sectionSignOffHash.ts'
export { SIGN_OFF_NOTE_MAX_CHARS } from './lib/signOffNoteMaxChars.ts'
export { lix } from './lib/text/lix.ts'
export { lixDetails } from './lib/text/lixDetails.ts'
export { splitSentences } from './lib/text/splitSentences.ts'
export { tokenize } from './lib/text/tokenize.ts'
export { wordFamily } from './lib/text/wordFamily.ts'
export type { CheckDocument, CheckSection, SignOff } from './lib/CheckDocument.ts'
export type {
  CheckGroup,
  CheckItemResult,
  CheckReport,
  CheckStatus,
  Principle,
  Verdict,
} from './lib/CheckReport.ts'
export type { Checklist, ChecklistItem, Rule, Severity } from './lib/Checklist.ts'
export type { LixDetails } from './lib/text/lixDetails.ts'
export type { Token } from './lib/text/tokenize.ts'
export type { FamilyMatch, WordFamily } from './lib/text/wordFamily.ts'
