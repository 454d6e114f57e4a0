import { DEFAULT_MENTION_LIMIT, mentionListItem, mentionSource, type MentionListItem, type MentionSource, type MentionStore, type NewMention } from '../MentionStore.ts'
import type { Row } from '../rows.ts'
import type { SqliteDatabase } from './openSqlite.ts'

/** Mentions the user may still open: the document exists and they are still a member. */
const VISIBLE = `
  FROM mentions m
  JOIN documents d ON d.id = m.document_id AND d.deleted_at IS NULL
  JOIN members w ON w.workspace_id = m.workspace_id AND w.user_id = m.user_id
  LEFT JOIN users u ON u.id = m.author_id
  WHERE m.user_id = ?`

export class SqliteMentionStore implements MentionStore {
  constructor(private readonly db: SqliteDatabase) {}

  async addMention(m: NewMention): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO mentions (user_id, workspace_id, document_id, thread_id, message_id, author_id, excerpt, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(m.userId, m.workspaceId, m.documentId, m.threadId, m.messageId, m.authorId, m.excerpt, m.createdAt)
    return result.changes > 0
  }

  async listMentions(userId: string, limit = DEFAULT_MENTION_LIMIT): Promise<MentionListItem[]> {
    const rows = this.db.prepare(`SELECT m.*, d.title AS document_title, u.name AS author_name ${VISIBLE} ORDER BY m.id DESC LIMIT ?`).all(userId, limit) as Row[]
    return rows.map(mentionListItem)
  }

  async countUnread(userId: string): Promise<number> {
    const row = this.db.prepare(`SELECT COUNT(*) AS unread ${VISIBLE} AND m.read_at IS NULL`).get(userId) as Row
    return Number(row.unread)
  }

  async markRead(userId: string, ids: number[], at: string): Promise<number> {
    if (ids.length === 0) return 0
    const placeholders = ids.map(() => '?').join(', ')
    return this.db.prepare(`UPDATE mentions SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN (${placeholders})`).run(at, userId, ...ids).changes
  }

  async mentionedMessages(documentId: string): Promise<MentionSource[]> {
    const rows = this.db.prepare('SELECT DISTINCT thread_id, message_id, author_id FROM mentions WHERE document_id = ?').all(documentId) as Row[]
    return rows.map(mentionSource)
  }

  async removeMentions(documentId: string, message: MentionSource, keepUserIds: readonly string[] = []): Promise<number> {
    const keep = keepUserIds.length > 0 ? ` AND user_id NOT IN (${keepUserIds.map(() => '?').join(', ')})` : ''
    return this.db
      .prepare(`DELETE FROM mentions WHERE document_id = ? AND message_id = ? AND thread_id = ? AND author_id = ?${keep}`)
      .run(documentId, message.messageId, message.threadId, message.authorId, ...keepUserIds).changes
  }

  async updateExcerpt(documentId: string, message: MentionSource, excerpt: string): Promise<number> {
    return this.db
      .prepare('UPDATE mentions SET excerpt = ? WHERE document_id = ? AND message_id = ? AND thread_id = ? AND author_id = ? AND excerpt <> ?')
      .run(excerpt, documentId, message.messageId, message.threadId, message.authorId, excerpt).changes
  }
}
