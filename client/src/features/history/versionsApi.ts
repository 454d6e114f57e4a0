import type { SectionDiff, VersionSection } from '@samskriv/schema'
import { request } from '../../api/client.ts'
import type { VersionPage } from './versionPages.ts'

export type { DiffOp, SectionDiff, VersionBlock, VersionRun, VersionSection } from '@samskriv/schema'

export type VersionKind = 'named' | 'lock' | 'review' | 'periodic' | 'restore-point'

export interface VersionSummary {
  id: string
  kind: VersionKind
  name: string | null
  createdBy: string | null
  createdByName: string | null
  createdAt: string
}

export interface VersionContent extends VersionSummary {
  sections: VersionSection[]
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
