import type { RoomExtension } from '@samskriv/collab'
import { Root } from '@samskriv/schema'
import type { AppStore, MentionStore } from '@samskriv/storage'
import * as Y from 'yjs'

/** A comment message that an accepted update gave a `mentions` list. */
export interface MentionedMessage {
  threadId: string
  messageId: string
  authorId: string
  body: string
  userIds: string[]
}

const EXCERPT_LENGTH = 200

/**
 * The comment messages whose `mentions` entry `update` wrote, read from `doc` after the update was
 * applied. Pure; anything that is not a message of a thread in the `comments` root is ignored.
 */
export function mentionedMessages(doc: Y.Doc, update: Uint8Array): MentionedMessage[] {
  const comments = doc.getMap(Root.comments)
  const found = new Map<Y.Map<unknown>, MentionedMessage>()
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue
    let item: Y.Item
    try {
      // The decoded struct names its parent by id; the integrated one holds the type and key.
      item = Y.getItem(doc.store, struct.id) as Y.Item
    } catch {
      continue
    }
    if (item.deleted || item.parentSub !== 'mentions' || !(item.parent instanceof Y.Map)) continue
    const message = item.parent as Y.Map<unknown>
    const messages = message.parent
    const thread = messages?.parent
    const threadKey = thread?._item?.parentSub
    if (found.has(message) || !(messages instanceof Y.Array) || !(thread instanceof Y.Map) || thread.parent !== comments || !threadKey) continue
    const { id, authorId, body, mentions } = message.toJSON() as Record<string, unknown>
    if (typeof id !== 'string' || typeof authorId !== 'string' || typeof body !== 'string' || !Array.isArray(mentions)) continue
    const userIds = [...new Set(mentions.map((mention) => (mention as { userId?: unknown } | null)?.userId).filter((userId): userId is string => typeof userId === 'string'))]
    found.set(message, { threadId: threadKey, messageId: id, authorId, body, userIds })
  }
  return [...found.values()]
}

/**
 * Records a mention for every workspace member a new or edited comment message mentions (never
 * the author, never a non-member), once per message and user, after the update is durable.
 */
export function mentions(mentionStore: MentionStore, store: AppStore): RoomExtension {
  return {
    async afterStoreUpdate({ room, update, authors }) {
      // Server-made changes (locks, templates) carry no comments; skip the decoding for them.
      if (authors.length === 0) return
      const messages = mentionedMessages(room.doc, update)
      if (messages.length === 0) return
      const document = await store.findDocument(room.documentId)
      if (!document) return
      const createdAt = new Date().toISOString()
      for (const message of messages) {
        for (const userId of message.userIds) {
          if (userId === message.authorId || !(await store.findMember(document.workspaceId, userId))) continue
          await mentionStore.addMention({
            userId,
            workspaceId: document.workspaceId,
            documentId: document.id,
            threadId: message.threadId,
            messageId: message.messageId,
            authorId: message.authorId,
            excerpt: message.body.slice(0, EXCERPT_LENGTH),
            createdAt,
          })
        }
      }
    },
  }
}
