import type {
  AppStore,
  AuditRecord,
  DocumentRecord,
  InvitationRecord,
  MemberRecord,
  NewAudit,
  SessionRecord,
  UserRecord,
  WorkspaceRecord,
} from '../AppStore.ts'
import type { Role } from '../types.ts'
import { audit, document, invitation, member, user, workspace, type Row } from '../rows.ts'
import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from './openSqlite.ts'
import { LastCoordinatorError } from '../LastCoordinatorError.ts'

/** The relational half of the SQLite database. Synchronous underneath, async to match PostgreSQL. */
export class SqliteAppStore implements AppStore {
  /** Prepared statements by SQL text: every session lookup (each request, each upgrade) reuses one. */
  private readonly statements = new Map<string, Statement<unknown[]>>()

  constructor(private readonly db: SqliteDatabase) {}

  private statement(sql: string): Statement<unknown[]> {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  private one(sql: string, ...params: unknown[]): Row | undefined {
    return this.statement(sql).get(...params) as Row | undefined
  }

  private all(sql: string, ...params: unknown[]): Row[] {
    return this.statement(sql).all(...params) as Row[]
  }

  private run(sql: string, ...params: unknown[]): number {
    return this.statement(sql).run(...params).changes
  }

  async createUser(u: UserRecord): Promise<void> {
    this.run(
      'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      u.id,
      u.email,
      u.name,
      u.passwordHash,
      u.createdAt,
    )
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const row = this.one('SELECT * FROM users WHERE email = ?', email)
    return row && user(row)
  }

  async findUserById(id: string): Promise<UserRecord | undefined> {
    const row = this.one('SELECT * FROM users WHERE id = ?', id)
    return row && user(row)
  }

  async createSession(s: SessionRecord): Promise<void> {
    this.run(
      'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      s.tokenHash,
      s.userId,
      s.createdAt,
      s.expiresAt,
    )
  }

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = this.one('SELECT * FROM sessions WHERE token_hash = ?', tokenHash)
    if (!row) return undefined
    return {
      tokenHash,
      userId: row.user_id as string,
      createdAt: row.created_at as string,
      expiresAt: row.expires_at as string,
    }
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.run('DELETE FROM sessions WHERE token_hash = ?', tokenHash)
  }

  async createWorkspace(w: WorkspaceRecord, coordinatorId: string): Promise<void> {
    this.db.transaction(() => {
      this.run(
        'INSERT INTO workspaces (id, name, created_by, created_at) VALUES (?, ?, ?, ?)',
        w.id,
        w.name,
        w.createdBy,
        w.createdAt,
      )
      this.run(
        "INSERT INTO members (workspace_id, user_id, role, created_at) VALUES (?, ?, 'coordinator', ?)",
        w.id,
        coordinatorId,
        w.createdAt,
      )
    })()
  }

  async findWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    const row = this.one('SELECT * FROM workspaces WHERE id = ?', id)
    return row && workspace(row)
  }

  async listWorkspacesOf(userId: string): Promise<Array<WorkspaceRecord & { role: Role }>> {
    return this.all(
      'SELECT w.*, m.role FROM workspaces w JOIN members m ON m.workspace_id = w.id WHERE m.user_id = ? ORDER BY w.name',
      userId,
    ).map((row) => ({ ...workspace(row), role: row.role as Role }))
  }

  async findMember(workspaceId: string, userId: string): Promise<MemberRecord | undefined> {
    const row = this.one(
      'SELECT m.*, u.name, u.email FROM members m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? AND m.user_id = ?',
      workspaceId,
      userId,
    )
    return row && member(row)
  }

  async listMembers(workspaceId: string): Promise<MemberRecord[]> {
    return this.all(
      'SELECT m.*, u.name, u.email FROM members m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? ORDER BY u.name',
      workspaceId,
    ).map(member)
  }

  async upsertMember(workspaceId: string, userId: string, role: Role, at: string): Promise<void> {
    this.keepingCoordinator(workspaceId, () =>
      this.run(
        'INSERT INTO members (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role',
        workspaceId,
        userId,
        role,
        at,
      ),
    )
  }

  async removeMember(workspaceId: string, userId: string): Promise<void> {
    this.keepingCoordinator(workspaceId, () => this.run('DELETE FROM members WHERE workspace_id = ? AND user_id = ?', workspaceId, userId))
  }

  /** Runs a membership change in a transaction that is undone if it left the workspace without a coordinator. */
  private keepingCoordinator(workspaceId: string, change: () => void): void {
    this.db.transaction(() => {
      change()
      const left = this.one("SELECT COUNT(*) AS n FROM members WHERE workspace_id = ? AND role = 'coordinator'", workspaceId)
      if (Number(left?.n ?? 0) === 0) throw new LastCoordinatorError(workspaceId)
    })()
  }

  async createInvitation(i: InvitationRecord): Promise<void> {
    this.db.transaction(() => {
      this.run(
        'UPDATE invitations SET revoked_at = ? WHERE workspace_id = ? AND email = ? AND accepted_at IS NULL AND revoked_at IS NULL',
        i.createdAt,
        i.workspaceId,
        i.email,
      )
      this.run(
        'INSERT INTO invitations (id, token_hash, workspace_id, email, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        i.id,
        i.tokenHash,
        i.workspaceId,
        i.email,
        i.role,
        i.createdBy,
        i.createdAt,
        i.expiresAt,
      )
    })()
  }

  async findInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    const row = this.one('SELECT * FROM invitations WHERE token_hash = ?', tokenHash)
    return row && invitation(row)
  }

  async listPendingInvitations(workspaceId: string, now: string): Promise<InvitationRecord[]> {
    return this.all(
      'SELECT * FROM invitations WHERE workspace_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at, email',
      workspaceId,
      now,
    ).map(invitation)
  }

  async revokeInvitation(workspaceId: string, id: string, at: string): Promise<boolean> {
    return (
      this.run(
        'UPDATE invitations SET revoked_at = ? WHERE workspace_id = ? AND id = ? AND accepted_at IS NULL AND revoked_at IS NULL',
        at,
        workspaceId,
        id,
      ) === 1
    )
  }

  async revokeInvitationsTo(workspaceId: string, email: string, at: string): Promise<number> {
    return this.run(
      'UPDATE invitations SET revoked_at = ? WHERE workspace_id = ? AND email = ? AND accepted_at IS NULL AND revoked_at IS NULL',
      at,
      workspaceId,
      email,
    )
  }

  async acceptInvitation(tokenHash: string, at: string): Promise<boolean> {
    return (
      this.run(
        'UPDATE invitations SET accepted_at = ? WHERE token_hash = ? AND accepted_at IS NULL AND revoked_at IS NULL',
        at,
        tokenHash,
      ) === 1
    )
  }

  async createDocument(d: DocumentRecord): Promise<void> {
    this.run(
      'INSERT INTO documents (id, workspace_id, title, template, template_version, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      d.id,
      d.workspaceId,
      d.title,
      d.template,
      d.templateVersion,
      d.createdBy,
      d.createdAt,
      d.updatedAt,
    )
  }

  async findDocument(id: string): Promise<DocumentRecord | undefined> {
    const row = this.one('SELECT * FROM documents WHERE id = ? AND deleted_at IS NULL', id)
    return row && document(row)
  }

  async listDocuments(workspaceId: string): Promise<DocumentRecord[]> {
    return this.all(
      'SELECT * FROM documents WHERE workspace_id = ? AND deleted_at IS NULL ORDER BY updated_at DESC',
      workspaceId,
    ).map(document)
  }

  async updateDocument(
    id: string,
    patch: Partial<Pick<DocumentRecord, 'title' | 'updatedAt' | 'deletedAt'>>,
  ): Promise<void> {
    const columns = { title: 'title', updatedAt: 'updated_at', deletedAt: 'deleted_at' } as const
    const entries = Object.entries(patch).filter(([, value]) => value !== undefined) as Array<
      [keyof typeof columns, unknown]
    >
    if (entries.length === 0) return
    const sets = entries.map(([key]) => `${columns[key]} = ?`).join(', ')
    this.run(`UPDATE documents SET ${sets} WHERE id = ?`, ...entries.map(([, value]) => value), id)
  }

  async touchDocuments(changes: ReadonlyArray<{ id: string; updatedAt: string }>): Promise<void> {
    const touch = this.statement(
      'UPDATE documents SET updated_at = ? WHERE id = ? AND updated_at < ?',
    )
    this.db.transaction(() => {
      for (const { id, updatedAt } of changes) touch.run(updatedAt, id, updatedAt)
    })()
  }

  async appendAudit(e: NewAudit): Promise<void> {
    this.run(
      'INSERT INTO audit (workspace_id, document_id, actor_id, action, details, at) VALUES (?, ?, ?, ?, ?, ?)',
      e.workspaceId,
      e.documentId,
      e.actorId,
      e.action,
      JSON.stringify(e.details),
      e.at,
    )
  }

  async listAudit(filter: {
    documentId?: string
    workspaceId?: string
    limit?: number
  }): Promise<AuditRecord[]> {
    const where = filter.documentId ? 'a.document_id = ?' : 'a.workspace_id = ?'
    return this.all(
      `SELECT a.*, u.name AS actor_name FROM audit a LEFT JOIN users u ON u.id = a.actor_id WHERE ${where} ORDER BY a.id DESC LIMIT ?`,
      filter.documentId ?? filter.workspaceId,
      filter.limit ?? 500,
    ).map(audit)
  }
}
