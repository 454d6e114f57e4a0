import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv, Deps } from '../../deps.ts'
import { ApiError } from '../ApiError.ts'
import { currentUser } from '../middleware/session.ts'
import { readBody } from '../validate.ts'

const mentionIds = z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) })

/** The session user's @mentions: their inbox, and marking entries read (only their own). */
export function mentionRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  const { mentions } = deps

  app.get('/', async (c) => {
    const user = currentUser(c)
    const [list, unread] = await Promise.all([mentions.listMentions(user.id), mentions.countUnread(user.id)])
    return c.json({
      unread,
      mentions: list.map((mention) => ({
        id: mention.id,
        documentId: mention.documentId,
        documentTitle: mention.documentTitle,
        threadId: mention.threadId,
        messageId: mention.messageId,
        authorId: mention.authorId,
        authorName: mention.authorName,
        excerpt: mention.excerpt,
        createdAt: mention.createdAt,
        unread: mention.readAt === null,
      })),
    })
  })

  app.post('/read', async (c) => {
    const user = currentUser(c)
    const { ids } = await readBody(c, mentionIds)
    return c.json({ updated: await mentions.markRead(user.id, ids, new Date().toISOString()) })
  })

  app.post('/:id/read', async (c) => {
    const user = currentUser(c)
    const id = Number(c.req.param('id'))
    if (!Number.isSafeInteger(id) || id <= 0) throw ApiError.notFound()
    return c.json({ updated: await mentions.markRead(user.id, [id], new Date().toISOString()) })
  })

  return app
}
