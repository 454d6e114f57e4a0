import type pg from 'pg'
import { DEFAULT_MENTION_LIMIT, mentionListItem, mentionSource, type MentionListItem, type MentionSource, type MentionStore, type NewMention } from '../MentionStore.ts'
import type { Row } from '../rows.ts'

/** Mentions the user may still open: the document exists and they are still a member. */
const VISIBLE = `
  FROM mentions m
  JOIN documents d ON d.id = m.document_id AND d.deleted_at IS NULL
  JOIN members w ON w.workspace_id = m.workspace_id AND w.user_id = m.user_id
  LEFT JOIN users u ON u.id = m.author_id
  WHERE m.user_id = $1`

/** The mention inbox in PostgreSQL, mirroring `SqliteMentionStore` query for query. */
export class PostgresMentionStore implements MentionStore {
  constructor(private readonly pool: pg.Pool) {}

  async addMention(m: NewMention): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO mentions (user_id, workspace_id, document_id, thread_id, message_id, author_id, excerpt, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (document_id, thread_id, message_id, author_id, user_id) DO NOTHING`,
      [m.userId, m.workspaceId, m.documentId, m.threadId, m.messageId, m.authorId, m.excerpt, m.createdAt],
    )
    return (result.rowCount ?? 0) > 0
  }

  async listMentions(userId: string, limit = DEFAULT_MENTION_LIMIT): Promise<MentionListItem[]> {
    const { rows } = await this.pool.query<Row>(`SELECT m.*, d.title AS document_title, u.name AS author_name ${VISIBLE} ORDER BY m.id DESC LIMIT $2`, [userId, limit])
    return rows.map(mentionListItem)
  }

  async countUnread(userId: string): Promise<number> {
    const { rows } = await this.pool.query<Row>(`SELECT COUNT(*) AS unread ${VISIBLE} AND m.read_at IS NULL`, [userId])
    return Number(rows[0]?.unread ?? 0)
  }

  async markRead(userId: string, ids: number[], at: string): Promise<number> {
    if (ids.length === 0) return 0
    const result = await this.pool.query('UPDATE mentions SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL AND id = ANY($3::bigint[])', [at, userId, ids])
    return result.rowCount ?? 0
  }

  async mentionedMessages(documentId: string): Promise<MentionSource[]> {
    const { rows } = await this.pool.query<Row>('SELECT DISTINCT thread_id, message_id, author_id FROM mentions WHERE document_id = $1', [documentId])
    return rows.map(mentionSource)
  }

  async removeMentions(documentId: string, message: MentionSource, keepUserIds: readonly string[] = []): Promise<number> {
    const result = await this.pool.query(
      'DELETE FROM mentions WHERE document_id = $1 AND message_id = $2 AND thread_id = $3 AND author_id = $4 AND NOT (user_id = ANY($5::text[]))',
      [documentId, message.messageId, message.threadId, message.authorId, [...keepUserIds]],
    )
    return result.rowCount ?? 0
  }

  async updateExcerpt(documentId: string, message: MentionSource, excerpt: string): Promise<number> {
    const result = await this.pool.query(
      'UPDATE mentions SET excerpt = $1 WHERE document_id = $2 AND message_id = $3 AND thread_id = $4 AND author_id = $5 AND excerpt <> $1',
      [excerpt, documentId, message.messageId, message.threadId, message.authorId],
    )
    return result.rowCount ?? 0
  }
}
