import type { Role } from './types.ts'

export interface UserRecord {
  id: string
  email: string
  name: string
  passwordHash: string
  createdAt: string
}

export interface SessionRecord {
  tokenHash: string
  userId: string
  createdAt: string
  expiresAt: string
}

export interface WorkspaceRecord {
  id: string
  name: string
  createdBy: string
  createdAt: string
}

export interface MemberRecord {
  workspaceId: string
  userId: string
  role: Role
  name: string
  email: string
  createdAt: string
}

export interface InvitationRecord {
  /** Public id for listing and withdrawing; unlike the token it grants nothing. */
  id: string
  tokenHash: string
  workspaceId: string
  email: string
  role: Role
  createdBy: string
  createdAt: string
  expiresAt: string
  acceptedAt: string | null
  revokedAt: string | null
}

export interface DocumentRecord {
  id: string
  workspaceId: string
  title: string
  template: string
  templateVersion: number
  createdBy: string
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

export interface AuditRecord {
  id: number
  workspaceId: string
  documentId: string | null
  actorId: string
  actorName?: string
  action: string
  details: Record<string, unknown>
  at: string
}

export type NewAudit = Omit<AuditRecord, 'id' | 'actorName'>

/** Relational data: accounts, sessions, workspaces, members, documents and the audit log. */
export interface AppStore {
  createUser(user: UserRecord): Promise<void>
  findUserByEmail(email: string): Promise<UserRecord | undefined>
  findUserById(id: string): Promise<UserRecord | undefined>

  createSession(session: SessionRecord): Promise<void>
  findSession(tokenHash: string): Promise<SessionRecord | undefined>
  deleteSession(tokenHash: string): Promise<void>

  createWorkspace(workspace: WorkspaceRecord, coordinatorId: string): Promise<void>
  findWorkspace(id: string): Promise<WorkspaceRecord | undefined>
  listWorkspacesOf(userId: string): Promise<Array<WorkspaceRecord & { role: Role }>>

  findMember(workspaceId: string, userId: string): Promise<MemberRecord | undefined>
  listMembers(workspaceId: string): Promise<MemberRecord[]>
  upsertMember(workspaceId: string, userId: string, role: Role, at: string): Promise<void>
  removeMember(workspaceId: string, userId: string): Promise<void>

  /**
   * Stores a new invitation and, in the same transaction, revokes every earlier pending one to
   * the same address in the same workspace: only the newest link (and role) holds.
   */
  createInvitation(invitation: InvitationRecord): Promise<void>
  findInvitation(tokenHash: string): Promise<InvitationRecord | undefined>
  /** Invitations neither accepted, revoked nor expired at `now`, oldest first. */
  listPendingInvitations(workspaceId: string, now: string): Promise<InvitationRecord[]>
  /** Revokes one pending invitation of the workspace; false when there is none by that id. */
  revokeInvitation(workspaceId: string, id: string, at: string): Promise<boolean>
  /** Revokes every pending invitation to `email` in the workspace; returns how many. */
  revokeInvitationsTo(workspaceId: string, email: string, at: string): Promise<number>
  /** Marks the invitation used; false when it already was or has been revoked (so a link works once). */
  acceptInvitation(tokenHash: string, at: string): Promise<boolean>

  createDocument(document: DocumentRecord): Promise<void>
  findDocument(id: string): Promise<DocumentRecord | undefined>
  listDocuments(workspaceId: string): Promise<DocumentRecord[]>
  updateDocument(
    id: string,
    patch: Partial<Pick<DocumentRecord, 'title' | 'updatedAt' | 'deletedAt'>>,
  ): Promise<void>
  /** Moves "last changed" forward for many documents in one transaction (never backwards). */
  touchDocuments(changes: ReadonlyArray<{ id: string; updatedAt: string }>): Promise<void>

  appendAudit(entry: NewAudit): Promise<void>
  listAudit(filter: {
    documentId?: string
    workspaceId?: string
    limit?: number
  }): Promise<AuditRecord[]>
}
