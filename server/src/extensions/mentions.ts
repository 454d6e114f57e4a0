import type { RoomExtension } from '@samskriv/collab'
import { Root } from '@samskriv/schema'
import type { AppStore, MentionSource, MentionStore } from '@samskriv/storage'
import * as Y from 'yjs'

/** A comment message whose text or `mentions` list an accepted update wrote (new or edited). */
export interface MentionedMessage {
  threadId: string
  messageId: string
  authorId: string
  body: string
  /** Who it mentions now; empty when nobody (any earlier mentions are then dropped). */
  userIds: string[]
}

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

const EXCERPT_LENGTH = 200
const WRITTEN_KEYS = new Set(['body', 'mentions'])

/**
 * The comment messages whose `body` or `mentions` entry `update` wrote, read from `doc` after the
 * update was applied. Pure; anything that is not a message of a thread in the `comments` root is ignored.
 */
export function mentionedMessages(doc: Y.Doc, update: Uint8Array): MentionedMessage[] {
  return writtenMessages(doc, Y.decodeUpdate(update).structs)
}

function writtenMessages(doc: Y.Doc, structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>): MentionedMessage[] {
  const comments = doc.getMap(Root.comments)
  const found = new Map<Y.Map<unknown>, MentionedMessage>()
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    let item: Y.Item
    try {
      // The decoded struct names its parent by id; the integrated one holds the type and key.
      item = Y.getItem(doc.store, struct.id) as Y.Item
    } catch {
      continue
    }
    if (item.deleted || !WRITTEN_KEYS.has(item.parentSub ?? '') || !(item.parent instanceof Y.Map)) continue
    const message = item.parent as Y.Map<unknown>
    const messages = message.parent
    const thread = messages?.parent
    const threadKey = thread?._item?.parentSub
    if (found.has(message) || !(messages instanceof Y.Array) || !(thread instanceof Y.Map) || thread.parent !== comments || !threadKey) continue
    const { id, authorId, body, mentions } = message.toJSON() as Record<string, unknown>
    if (typeof id !== 'string' || typeof authorId !== 'string' || typeof body !== 'string' || (mentions !== undefined && !Array.isArray(mentions))) continue
    const userIds = [...new Set((mentions ?? []).map((mention) => (mention as { userId?: unknown } | null)?.userId).filter((userId): userId is string => typeof userId === 'string'))]
    found.set(message, { threadId: threadKey, messageId: id, authorId, body, userIds })
  }
  return [...found.values()]
}

/**
 * True when a delete set (of an update already applied to `doc`) removed something from the
 * `comments` root: an array entry or a map key. A map value replaced by a new one (an edit) is no removal.
 */
export function deletesComments(doc: Y.Doc, deleteSet: DeleteSet): boolean {
  const comments = doc.getMap(Root.comments)
  for (const [client, ranges] of deleteSet.clients) {
    const structs = doc.store.clients.get(client)
    if (!structs) continue
    for (const { clock, len } of ranges) {
      let index: number
      try {
        index = Y.findIndexSS(structs, clock)
      } catch {
        continue
      }
      for (; index < structs.length && (structs[index] as Y.Item | Y.GC).id.clock < clock + len; index++) {
        const struct = structs[index]
        if (struct instanceof Y.Item && !isOverwritten(struct) && rootOf(struct) === comments) return true
      }
    }
  }
  return false
}

function isOverwritten(item: Y.Item): boolean {
  return item.parentSub !== null && item.parent instanceof Y.AbstractType && item.parent._map.get(item.parentSub)?.deleted === false
}

function rootOf(item: Y.Item): Y.AbstractType<unknown> | null {
  let parent = item.parent
  while (parent instanceof Y.AbstractType && parent._item) parent = parent._item.parent
  return parent instanceof Y.AbstractType ? parent : null
}

/**
 * Every message in the `comments` root as its mentions name it (thread, id, author), however the
 * threads are shaped. Message ids are the clients': two messages may share one (older documents
 * hold such pairs), and neither may keep or drop the other's mentions.
 */
function messagesIn(doc: Y.Doc): Set<string> {
  const present = new Set<string>()
  for (const [threadId, thread] of doc.getMap<unknown>(Root.comments).entries()) {
    const messages = thread instanceof Y.Map ? thread.get('messages') : undefined
    if (!(messages instanceof Y.Array)) continue
    for (const message of messages.toArray()) {
      if (!(message instanceof Y.Map)) continue
      const messageId = message.get('id')
      const authorId = message.get('authorId')
      if (typeof messageId === 'string' && typeof authorId === 'string') present.add(sourceKey({ threadId, messageId, authorId }))
    }
  }
  return present
}

const sourceKey = ({ threadId, messageId, authorId }: MentionSource) => JSON.stringify([threadId, messageId, authorId])

/**
 * Keeps the mention inbox in step with the comments, after the update is durable: a new or edited
 * message mentions every workspace member it names (never the author, never a non-member), once per
 * message and user; an edit updates the excerpt and drops users no longer named; a deleted message
 * (or thread) takes its mentions with it, so the inbox never keeps moderated text. A message is
 * named by thread, id and author, so nobody's message can reach the mentions of another's.
 */
export function mentions(mentionStore: MentionStore, store: AppStore): RoomExtension {
  return {
    async afterStoreUpdate({ room, update, authors }) {
      // Server-made changes (locks, templates) carry no comments; skip the decoding for them.
      if (authors.length === 0) return
      const { structs, ds } = Y.decodeUpdate(update)
      const messages = writtenMessages(room.doc, structs)
      const deletes = deletesComments(room.doc, ds)
      if (messages.length === 0 && !deletes) return
      const document = await store.findDocument(room.documentId)
      if (!document) return
      if (deletes) {
        const present = messagesIn(room.doc)
        for (const source of await mentionStore.mentionedMessages(document.id)) {
          if (!present.has(sourceKey(source))) await mentionStore.removeMentions(document.id, source)
        }
      }
      const createdAt = new Date().toISOString()
      for (const message of messages) {
        const excerpt = message.body.slice(0, EXCERPT_LENGTH)
        await mentionStore.removeMentions(document.id, message, message.userIds)
        await mentionStore.updateExcerpt(document.id, message, excerpt)
        for (const userId of message.userIds) {
          if (userId === message.authorId || !(await store.findMember(document.workspaceId, userId))) continue
          await mentionStore.addMention({
            userId,
            workspaceId: document.workspaceId,
            documentId: document.id,
            threadId: message.threadId,
            messageId: message.messageId,
            authorId: message.authorId,
            excerpt,
            createdAt,
          })
        }
      }
    },
  }
}
