import type {
  AuditRecord,
  DocumentRecord,
  InvitationRecord,
  MemberRecord,
  UserRecord,
  WorkspaceRecord,
} from './AppStore.ts'
import type { Role } from './types.ts'

/** Rows from either SQL adapter (same snake_case columns) to records. */
export type Row = Record<string, unknown>

export const user = (row: Row): UserRecord => ({
  id: row.id as string,
  email: row.email as string,
  name: row.name as string,
  passwordHash: row.password_hash as string,
  createdAt: row.created_at as string,
})

export const workspace = (row: Row): WorkspaceRecord => ({
  id: row.id as string,
  name: row.name as string,
  createdBy: row.created_by as string,
  createdAt: row.created_at as string,
})

export const member = (row: Row): MemberRecord => ({
  workspaceId: row.workspace_id as string,
  userId: row.user_id as string,
  role: row.role as Role,
  name: row.name as string,
  email: row.email as string,
  createdAt: row.created_at as string,
})

export const invitation = (row: Row): InvitationRecord => ({
  id: row.id as string,
  tokenHash: row.token_hash as string,
  workspaceId: row.workspace_id as string,
  email: row.email as string,
  role: row.role as Role,
  createdBy: row.created_by as string,
  createdAt: row.created_at as string,
  expiresAt: row.expires_at as string,
  acceptedAt: (row.accepted_at as string | null) ?? null,
  revokedAt: (row.revoked_at as string | null) ?? null,
})

export const document = (row: Row): DocumentRecord => ({
  id: row.id as string,
  workspaceId: row.workspace_id as string,
  title: row.title as string,
  template: row.template as string,
  templateVersion: row.template_version as number,
  createdBy: row.created_by as string,
  createdAt: row.created_at as string,
  updatedAt: row.updated_at as string,
  deletedAt: (row.deleted_at as string | null) ?? null,
})

export const audit = (row: Row): AuditRecord => ({
  // BIGINT arrives as a string; audit ids stay far below 2^53.
  id: Number(row.id),
  workspaceId: row.workspace_id as string,
  documentId: (row.document_id as string | null) ?? null,
  actorId: row.actor_id as string,
  actorName: (row.actor_name as string | null) ?? undefined,
  action: row.action as string,
  details: JSON.parse(row.details as string) as Record<string, unknown>,
  at: row.at as string,
})
