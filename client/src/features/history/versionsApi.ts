import { request } from '../../api/client.ts'
import type { VersionPage } from './versionPages.ts'

export type VersionKind = 'named' | 'lock' | 'review' | 'periodic' | 'restore-point'

export interface VersionSummary {
  id: string
  kind: VersionKind
  name: string | null
  createdBy: string | null
  createdByName: string | null
  createdAt: string
}

export interface VersionRun {
  text: string
  bold?: true
  italic?: true
  strike?: true
}

export interface VersionBlock {
  type: 'paragraph' | 'heading' | 'listItem' | 'code'
  level?: number
  ordered?: boolean
  runs: VersionRun[]
}

export interface VersionSection {
  id: string
  title: string
  status: string
  blocks: VersionBlock[]
}

export interface VersionContent extends VersionSummary {
  sections: VersionSection[]
}

export interface DiffOp {
  type: 'equal' | 'insert' | 'delete'
  text: string
  /** Who wrote an insertion, when the server knows. */
  authors?: string[]
}

export interface SectionDiff {
  id: string
  title: string
  change: 'unchanged' | 'changed' | 'added' | 'removed'
  previousTitle?: string
  ops: DiffOp[]
  authors?: string[]
}

export interface VersionDiff {
  from: VersionSummary
  to: VersionSummary | { id: 'current'; createdAt: string }
  editors: string[]
  sections: SectionDiff[]
}

export interface RestoreResult {
  restored: string[]
  restorePoint: VersionSummary | null
}

const base = (documentId: string) => `/documents/${encodeURIComponent(documentId)}/versions`

/** The `/api/documents/:id/versions` endpoints (DESIGN.md, Versions). */
export const versionsApi = {
  /** Newest first, a page at a time: pass the previous page's `nextBefore` as `before` for the next. */
  list: (documentId: string, page: { limit?: number; before?: string } = {}) => {
    const query = new URLSearchParams()
    if (page.limit !== undefined) query.set('limit', String(page.limit))
    if (page.before !== undefined) query.set('before', page.before)
    const search = query.size > 0 ? `?${query.toString()}` : ''
    return request<VersionPage>('GET', `${base(documentId)}${search}`)
  },
  /** Coordinator only. */
  create: (documentId: string, name: string) => request<VersionSummary>('POST', base(documentId), { name }),
  get: (documentId: string, versionId: string) => request<VersionContent>('GET', `${base(documentId)}/${encodeURIComponent(versionId)}`),
  diff: (documentId: string, versionId: string, against = 'current') =>
    request<VersionDiff>('GET', `${base(documentId)}/${encodeURIComponent(versionId)}/diff?against=${encodeURIComponent(against)}`),
  /** Editors and coordinators; a locked section only a coordinator. Without `sectionId` every section is restored. */
  restore: (documentId: string, versionId: string, sectionId?: string) =>
    request<RestoreResult>('POST', `${base(documentId)}/${encodeURIComponent(versionId)}/restore`, sectionId ? { sectionId } : {}),
}
