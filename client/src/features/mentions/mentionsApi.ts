import { ApiError } from '../../api/client.ts'

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

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
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
  const data = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null
  if (!response.ok) throw new ApiError(response.status, data?.error?.code ?? 'unknown', data?.error?.message ?? 'Något gick fel. Försök igen.')
  return data as T
}

export const mentionsApi = {
  inbox: () => send<MentionInbox>('GET', '/mentions'),
  async markRead(ids: number[]): Promise<void> {
    if (ids.length === 0) return
    await send<{ updated: number }>('POST', '/mentions/read', { ids })
    window.dispatchEvent(new Event(MENTIONS_CHANGED_EVENT))
  },
}
