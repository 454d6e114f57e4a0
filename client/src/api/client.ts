import type { Role, TemplateId } from '@samskriv/schema'
import { getLang, t, type MessageKey } from '../app/i18n.ts'

/** An error answered by the API; `message` is meant for the user. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string

  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }
}

export interface User {
  id: string
  email: string
  name: string
}

export interface Workspace {
  id: string
  name: string
  role: Role
}

export interface Member {
  userId: string
  name: string
  email: string
  role: Role
}

export interface WorkspaceDetails extends Workspace {
  members: Member[]
}

export interface DocumentSummary {
  id: string
  title: string
  template: TemplateId
  templateVersion: number
  updatedAt: string | number
  activeUsers: Array<{ id: string; name: string }>
}

export interface CreatedDocument {
  id: string
  title: string
  template: TemplateId
  templateVersion: number
  sections: Array<{ id: string; key: string; title: string }>
}

export interface DocumentInfo {
  id: string
  title: string
  template: TemplateId
  templateVersion: number
  workspaceId: string
  role: Role
}

export type AddMemberResult = { member: Member } | { invitation: { id: string; url: string; expiresAt: string } }

const FALLBACK_MESSAGE = 'Något gick fel. Försök igen.'

/** One JSON call to `/api<path>`; failures become `ApiError` with the server's Swedish message. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, 'network', 'Kunde inte nå servern. Kontrollera anslutningen.')
  }
  const data: unknown = response.status === 204 ? null : await response.json().catch(() => null)
  if (!response.ok) {
    const error = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : 'unknown',
      typeof error?.message === 'string' ? error.message : FALLBACK_MESSAGE,
    )
  }
  return data as T
}

export interface AuditEntry {
  id: number
  actorName?: string
  action: string
  details: Record<string, unknown>
  at: string
}

export const api = {
  register: (body: { email: string; name: string; password: string }) =>
    request<{ token: string; user: User }>('POST', '/auth/register', body),
  login: (body: { email: string; password: string }) => request<{ token: string; user: User }>('POST', '/auth/login', body),
  logout: () => request<unknown>('POST', '/auth/logout'),
  /** The signed-in user, or null when there is no session. */
  me: async (): Promise<User | null> => {
    try {
      return (await request<{ user: User }>('GET', '/auth/me')).user
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null
      throw error
    }
  },
  listWorkspaces: () => request<{ workspaces: Workspace[] }>('GET', '/workspaces'),
  createWorkspace: (name: string) => request<Workspace>('POST', '/workspaces', { name }),
  getWorkspace: (id: string) => request<WorkspaceDetails>('GET', `/workspaces/${encodeURIComponent(id)}`),
  listDocuments: (workspaceId: string) =>
    request<{ documents: DocumentSummary[] }>('GET', `/workspaces/${encodeURIComponent(workspaceId)}/documents`),
  createDocument: (workspaceId: string, body: { template: TemplateId; title: string }) =>
    request<CreatedDocument>('POST', `/workspaces/${encodeURIComponent(workspaceId)}/documents`, body),
  addMember: (workspaceId: string, body: { email: string; role: Role }) =>
    request<AddMemberResult>('POST', `/workspaces/${encodeURIComponent(workspaceId)}/members`, body),
  getDocument: (id: string) => request<DocumentInfo>('GET', `/documents/${encodeURIComponent(id)}`),
  /** Coordinator only: locks a section for review; the server writes it into the `locks` root. */
  lockSection: (documentId: string, sectionId: string, reason?: string) =>
    request<unknown>('POST', `/documents/${encodeURIComponent(documentId)}/sections/${encodeURIComponent(sectionId)}/lock`, reason ? { reason } : {}),
  /** Coordinator only: who locked, unlocked, created, invited and changed roles, newest first. */
  getAudit: (documentId: string) => request<{ entries: AuditEntry[] }>('GET', `/documents/${encodeURIComponent(documentId)}/audit`),
  /** Anyone holding the link may read whom an invitation is for; accepting needs that address's session. */
  getInvitation: (token: string) =>
    request<{ email: string; role: Role; workspaceName?: string }>('GET', `/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string) =>
    request<{ workspaceId: string; role: Role }>('POST', `/invitations/${encodeURIComponent(token)}/accept`),
  unlockSection: (documentId: string, sectionId: string) =>
    request<unknown>('DELETE', `/documents/${encodeURIComponent(documentId)}/sections/${encodeURIComponent(sectionId)}/lock`),
}

/** The message to show for any thrown value. */
/** Server refusals a user meets, in the UI's words: the server writes its messages in Swedish. */
const CODE_MESSAGES: Readonly<Record<string, MessageKey>> = {
  invalid_credentials: 'apiInvalidCredentials',
  email_taken: 'apiEmailTaken',
  too_many_attempts: 'apiTooManyAttempts',
  last_coordinator: 'apiLastCoordinator',
  invitation_expired: 'apiInvitationGone',
  invitation_used: 'apiInvitationUsed',
  invitation_revoked: 'apiInvitationGone',
  invitation_other_email: 'apiInvitationOtherEmail',
  not_found: 'apiNotFound',
  forbidden: 'apiForbidden',
  network: 'apiNetwork',
  unknown: 'apiFallback',
}

export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t('apiFallback')
  const key = CODE_MESSAGES[error.code]
  return getLang() !== 'sv' && key ? t(key) : error.message
}

import type { CheckReport } from '@samskriv/checks'

/** The checks report as the server answers it (see `@samskriv/checks`' CheckReport). */
export type ChecksResponse = CheckReport & { documentId: string; ranAt: string }

/** Runs the checklist against the document's current server state. */
export function runDocumentChecks(documentId: string): Promise<ChecksResponse> {
  return request<ChecksResponse>('POST', `/documents/${encodeURIComponent(documentId)}/checks`)
}

/** The checks report as a Markdown file. */
export async function downloadChecksMarkdown(documentId: string): Promise<Blob> {
  let response: Response
  try {
    response = await fetch(`/api/documents/${encodeURIComponent(documentId)}/checks?format=markdown`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'text/markdown' },
    })
  } catch {
    throw new ApiError(0, 'network', 'Kunde inte nå servern. Kontrollera anslutningen.')
  }
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown } } | null
    throw new ApiError(
      response.status,
      typeof data?.error?.code === 'string' ? data.error.code : 'unknown',
      typeof data?.error?.message === 'string' ? data.error.message : FALLBACK_MESSAGE,
    )
  }
  return response.blob()
}

/** A pending invitation as coordinators see it: never its token, which only the link holds. */
export interface PendingInvitation {
  id: string
  email: string
  role: Role
  createdAt: string
  expiresAt: string
  invitedBy: { id: string; name?: string }
}

/** Member management (coordinator only); the server keeps at least one coordinator (409 `last_coordinator`). */
export const membersApi = {
  changeRole: (workspaceId: string, userId: string, role: Role) =>
    request<{ member: Member }>(
      'PATCH',
      `/workspaces/${encodeURIComponent(workspaceId)}/members/${encodeURIComponent(userId)}`,
      { role },
    ),
  remove: (workspaceId: string, userId: string) =>
    request<{ ok: true }>(
      'DELETE',
      `/workspaces/${encodeURIComponent(workspaceId)}/members/${encodeURIComponent(userId)}`,
    ),
  listInvitations: (workspaceId: string) =>
    request<{ invitations: PendingInvitation[] }>(
      'GET',
      `/workspaces/${encodeURIComponent(workspaceId)}/invitations`,
    ),
  withdrawInvitation: (workspaceId: string, invitationId: string) =>
    request<{ ok: true }>(
      'DELETE',
      `/workspaces/${encodeURIComponent(workspaceId)}/invitations/${encodeURIComponent(invitationId)}`,
    ),
}
