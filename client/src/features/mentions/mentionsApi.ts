import { request } from '../../api/client.ts'

/** One entry of the session user's mention inbox (GET /api/mentions). */
export interface MentionEntry {
  id: number
  documentId: string
  documentTitle: string
  threadId: string
  messageId: string
  authorId: string
  authorName: string
  excerpt: string
  createdAt: string
  unread: boolean
}

export interface MentionInbox {
  unread: number
  mentions: MentionEntry[]
}

/** Fired after mentions were marked read, so the header's count follows at once. */
export const MENTIONS_CHANGED_EVENT = 'samskriv:mentions-changed'

export const mentionsApi = {
  inbox: () => request<MentionInbox>('GET', '/mentions'),
  async markRead(ids: number[]): Promise<void> {
    if (ids.length === 0) return
    await request<{ updated: number }>('POST', '/mentions/read', { ids })
    window.dispatchEvent(new Event(MENTIONS_CHANGED_EVENT))
  },
}
