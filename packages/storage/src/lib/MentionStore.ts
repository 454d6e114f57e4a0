import type { Row } from './rows.ts'

/** One @mention of a user in a comment message. */
export interface MentionRecord {
  id: number
  userId: string
  workspaceId: string
  documentId: string
  threadId: string
  messageId: string
  authorId: string
  /** The start of the message, as plain text. */
  excerpt: string
  createdAt: string
  readAt: string | null
}

export type NewMention = Omit<MentionRecord, 'id' | 'readAt'>

/**
 * The message a mention comes from. Its id alone does not name it: ids are the clients', and a
 * document may hold two messages with one id (older documents do), so one author's edit or deletion
 * must not reach the mentions of another's message.
 */
export type MentionSource = Pick<MentionRecord, 'threadId' | 'messageId' | 'authorId'>

/** A mention as its recipient's inbox lists it. */
export interface MentionListItem extends MentionRecord {
  documentTitle: string
  authorName: string
}

/**
 * The mention inbox. Lists show only mentions the user may still open: the document exists and
 * the user is still a member of its workspace.
 */
export interface MentionStore {
  /** Records a mention; false when this message already mentions this user. */
  addMention(mention: NewMention): Promise<boolean>
  /** The user's mentions, newest first. */
  listMentions(userId: string, limit?: number): Promise<MentionListItem[]>
  countUnread(userId: string): Promise<number>
  /** Marks the user's own unread mentions among `ids` as read; returns how many changed. */
  markRead(userId: string, ids: number[], at: string): Promise<number>
  /** The messages of this document that have mentions (to drop those of deleted messages). */
  mentionedMessages(documentId: string): Promise<MentionSource[]>
  /**
   * Deletes the mentions of a message, except those of `keepUserIds`: the message was deleted, or
   * edited so that it no longer mentions them. Returns how many were deleted.
   */
  removeMentions(documentId: string, message: MentionSource, keepUserIds?: readonly string[]): Promise<number>
  /** Replaces the excerpt of a message's mentions after an edit, so the inbox never keeps old text. */
  updateExcerpt(documentId: string, message: MentionSource, excerpt: string): Promise<number>
}

export const DEFAULT_MENTION_LIMIT = 100

/** The list query's rows (same columns in both SQL adapters) to records. */
export const mentionListItem = (row: Row): MentionListItem => ({
  // PostgreSQL answers BIGINT columns as strings.
  id: Number(row.id),
  userId: row.user_id as string,
  workspaceId: row.workspace_id as string,
  documentId: row.document_id as string,
  threadId: row.thread_id as string,
  messageId: row.message_id as string,
  authorId: row.author_id as string,
  excerpt: row.excerpt as string,
  createdAt: row.created_at as string,
  readAt: (row.read_at as string | null) ?? null,
  documentTitle: row.document_title as string,
  authorName: (row.author_name as string | null) ?? '',
})

export const mentionSource = (row: Row): MentionSource => ({
  threadId: row.thread_id as string,
  messageId: row.message_id as string,
  authorId: row.author_id as string,
})
