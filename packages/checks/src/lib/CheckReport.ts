import type { TemplateId } from '@samskriv/schema'
import type { SignOff } from './CheckDocument.ts'

export type Principle = 'allmant' | 'jamstalldhet' | 'tillganglighet' | 'icke-diskriminering'

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'pending'

/** `fail` if any item fails, else `pending` while a manual item waits, else `warn` if any warns. */
export type Verdict = CheckStatus

export interface CheckItemResult {
  id: string
  title: string
  kind: 'automatic' | 'manual'
  status: CheckStatus
  sectionId?: string
  sectionKey?: string
  /** Swedish; tells the writer (or the analyst) what to do next. */
  message: string
  /** A sign-off exists but the section text changed since. */
  stale?: boolean
  signOff?: SignOff
}

export interface CheckGroup {
  principle: Principle
  title: string
  items: CheckItemResult[]
}

export interface CheckReport {
  checklistId: string
  checklistVersion: string
  templateId: TemplateId
  verdict: Verdict
  groups: CheckGroup[]
}
