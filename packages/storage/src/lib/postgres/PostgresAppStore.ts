import type pg from 'pg'
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
import { inTransaction } from './inTransaction.ts'
import { LastCoordinatorError } from '../LastCoordinatorError.ts'

/** Namespace of the invitation advisory locks (the first key of the two-key form; documents use 7_341_001). */
const INVITATION_LOCK = 7_341_002
/** Namespace of the per-workspace membership locks. */
const MEMBERS_LOCK = 7_341_003

/**
 * The relational half in PostgreSQL, mirroring `SqliteAppStore` query for query. Names sort with
 * COLLATE "C" (byte order), as SQLite's default BINARY collation does.
 */
export class PostgresAppStore implements AppStore {
  constructor(private readonly pool: pg.Pool) {}

  private async one(sql: string, ...params: unknown[]): Promise<Row | undefined> {
    return (await this.pool.query<Row>(sql, params)).rows[0]
  }

  private async all(sql: string, ...params: unknown[]): Promise<Row[]> {
    return (await this.pool.query<Row>(sql, params)).rows
  }

  private async run(sql: string, ...params: unknown[]): Promise<number> {
    return (await this.pool.query(sql, params)).rowCount ?? 0
  }

  async createUser(u: UserRecord): Promise<void> {
    await this.run(
      'INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
      u.id,
      u.email,
      u.name,
      u.passwordHash,
      u.createdAt,
    )
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const row = await this.one('SELECT * FROM users WHERE email = $1', email)
    return row && user(row)
  }

  async findUserById(id: string): Promise<UserRecord | undefined> {
    const row = await this.one('SELECT * FROM users WHERE id = $1', id)
    return row && user(row)
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.run(
      'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      s.tokenHash,
      s.userId,
      s.createdAt,
      s.expiresAt,
    )
  }

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = await this.one('SELECT * FROM sessions WHERE token_hash = $1', tokenHash)
    if (!row) return undefined
    return {
      tokenHash,
      userId: row.user_id as string,
      createdAt: row.created_at as string,
      expiresAt: row.expires_at as string,
    }
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.run('DELETE FROM sessions WHERE token_hash = $1', tokenHash)
  }

  async createWorkspace(w: WorkspaceRecord, coordinatorId: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        'INSERT INTO workspaces (id, name, created_by, created_at) VALUES ($1, $2, $3, $4)',
        [w.id, w.name, w.createdBy, w.createdAt],
      )
      await client.query(
        "INSERT INTO members (workspace_id, user_id, role, created_at) VALUES ($1, $2, 'coordinator', $3)",
        [w.id, coordinatorId, w.createdAt],
      )
    })
  }


  async findWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
    const row = await this.one('SELECT * FROM workspaces WHERE id = $1', id)
    return row && workspace(row)
  }

  async listWorkspacesOf(userId: string): Promise<Array<WorkspaceRecord & { role: Role }>> {
    const rows = await this.all(
      'SELECT w.*, m.role FROM workspaces w JOIN members m ON m.workspace_id = w.id WHERE m.user_id = $1 ORDER BY w.name COLLATE "C"',
      userId,
    )
    return rows.map((row) => ({ ...workspace(row), role: row.role as Role }))
  }

  async findMember(workspaceId: string, userId: string): Promise<MemberRecord | undefined> {
    const row = await this.one(
      'SELECT m.*, u.name, u.email FROM members m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 AND m.user_id = $2',
      workspaceId,
      userId,
    )
    return row && member(row)
  }

  async listMembers(workspaceId: string): Promise<MemberRecord[]> {
    const rows = await this.all(
      'SELECT m.*, u.name, u.email FROM members m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 ORDER BY u.name COLLATE "C"',
      workspaceId,
    )
    return rows.map(member)
  }

  async upsertMember(workspaceId: string, userId: string, role: Role, at: string): Promise<void> {
    await this.keepingCoordinator(workspaceId, (client) =>
      client.query(
        'INSERT INTO members (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role',
        [workspaceId, userId, role, at],
      ),
    )
  }

  async removeMember(workspaceId: string, userId: string): Promise<void> {
    await this.keepingCoordinator(workspaceId, (client) =>
      client.query('DELETE FROM members WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]),
    )
  }

  /**
   * Runs a membership change under the workspace's advisory lock, undone if it left the workspace
   * without a coordinator: under READ COMMITTED two coordinators demoting each other at once would
   * each still see the other.
   */
  private keepingCoordinator(workspaceId: string, change: (client: pg.PoolClient) => Promise<unknown>): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${MEMBERS_LOCK}, hashtext($1))`, [workspaceId])
      await change(client)
      const left = await client.query("SELECT COUNT(*) AS n FROM members WHERE workspace_id = $1 AND role = 'coordinator'", [workspaceId])
      if (Number(left.rows[0]?.n ?? 0) === 0) throw new LastCoordinatorError(workspaceId)
    })
  }

  /**
   * Runs `work` in a transaction holding the advisory lock of one address's invitations in one
   * workspace: under READ COMMITTED two re-invites at once would each miss the other's new row, and
   * both links would stay valid.
   */
  private withInvitationLock<T>(workspaceId: string, email: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${INVITATION_LOCK}, hashtext($1))`, [`${workspaceId}\n${email}`])
      return work(client)
    })
  }


  async createInvitation(i: InvitationRecord): Promise<void> {
    await this.withInvitationLock(i.workspaceId, i.email, async (client) => {
      await client.query(
        'UPDATE invitations SET revoked_at = $1 WHERE workspace_id = $2 AND email = $3 AND accepted_at IS NULL AND revoked_at IS NULL',
        [i.createdAt, i.workspaceId, i.email],
      )
      await client.query(
        'INSERT INTO invitations (id, token_hash, workspace_id, email, role, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [i.id, i.tokenHash, i.workspaceId, i.email, i.role, i.createdBy, i.createdAt, i.expiresAt],
      )
    })
  }

  async findInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    const row = await this.one('SELECT * FROM invitations WHERE token_hash = $1', tokenHash)
    return row && invitation(row)
  }

  async listPendingInvitations(workspaceId: string, now: string): Promise<InvitationRecord[]> {
    const rows = await this.all(
      'SELECT * FROM invitations WHERE workspace_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at, email COLLATE "C"',
      workspaceId,
      now,
    )
    return rows.map(invitation)
  }

  async revokeInvitation(workspaceId: string, id: string, at: string): Promise<boolean> {
    const changed = await this.run(
      'UPDATE invitations SET revoked_at = $1 WHERE workspace_id = $2 AND id = $3 AND accepted_at IS NULL AND revoked_at IS NULL',
      at,
      workspaceId,
      id,
    )
    return changed === 1
  }

  async revokeInvitationsTo(workspaceId: string, email: string, at: string): Promise<number> {
    return this.withInvitationLock(workspaceId, email, async (client) => {
      const result = await client.query(
        'UPDATE invitations SET revoked_at = $1 WHERE workspace_id = $2 AND email = $3 AND accepted_at IS NULL AND revoked_at IS NULL',
        [at, workspaceId, email],
      )
      return result.rowCount ?? 0
    })
  }

  async acceptInvitation(tokenHash: string, at: string): Promise<boolean> {
    // A single conditional UPDATE: of two concurrent accepts (or an accept and a withdrawal),
    // exactly one changes the row.
    return (
      (await this.run(
        'UPDATE invitations SET accepted_at = $1 WHERE token_hash = $2 AND accepted_at IS NULL AND revoked_at IS NULL',
        at,
        tokenHash,
      )) === 1
    )
  }

  async createDocument(d: DocumentRecord): Promise<void> {
    await this.run(
      'INSERT INTO documents (id, workspace_id, title, template, template_version, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
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
    const row = await this.one('SELECT * FROM documents WHERE id = $1 AND deleted_at IS NULL', id)
    return row && document(row)
  }

  async listDocuments(workspaceId: string): Promise<DocumentRecord[]> {
    const rows = await this.all(
      'SELECT * FROM documents WHERE workspace_id = $1 AND deleted_at IS NULL ORDER BY updated_at COLLATE "C" DESC',
      workspaceId,
    )
    return rows.map(document)
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
    const sets = entries.map(([key], index) => `${columns[key]} = $${index + 1}`).join(', ')
    await this.run(
      `UPDATE documents SET ${sets} WHERE id = $${entries.length + 1}`,
      ...entries.map(([, value]) => value),
      id,
    )
  }

  async touchDocuments(changes: ReadonlyArray<{ id: string; updatedAt: string }>): Promise<void> {
    if (changes.length === 0) return
    // Rows are locked in id order, the same on every instance, so two instances touching the same
    // documents never deadlock; ISO timestamps compare as bytes (COLLATE "C").
    const sorted = [...changes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    await this.run(
      `UPDATE documents AS d SET updated_at = v.updated_at
       FROM (SELECT * FROM unnest($1::text[], $2::text[]) AS u(id, updated_at) ORDER BY id) AS v
       WHERE d.id = v.id AND d.updated_at COLLATE "C" < v.updated_at COLLATE "C"`,
      sorted.map((change) => change.id),
      sorted.map((change) => change.updatedAt),
    )
  }

  async appendAudit(e: NewAudit): Promise<void> {
    await this.run(
      'INSERT INTO audit (workspace_id, document_id, actor_id, action, details, at) VALUES ($1, $2, $3, $4, $5, $6)',
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
    const where = filter.documentId ? 'a.document_id = $1' : 'a.workspace_id = $1'
    const rows = await this.all(
      `SELECT a.*, u.name AS actor_name FROM audit a LEFT JOIN users u ON u.id = a.actor_id WHERE ${where} ORDER BY a.id DESC LIMIT $2`,
      filter.documentId ?? filter.workspaceId,
      filter.limit ?? 500,
    )
    return rows.map(audit)
  }
}
