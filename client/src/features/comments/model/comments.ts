import * as Y from 'yjs'

/** The Y.Map root that holds every comment thread of a document, keyed by thread id. */
export const COMMENTS_ROOT = 'comments'

export interface CommentAnchor {
  /** Y.encodeRelativePosition of the first commented character. */
  start: Uint8Array
  /** Y.encodeRelativePosition just after the last commented character. */
  end: Uint8Array
}

/** A workspace member named with `@Name` in a message; the body holds the plain `@Name` text too. */
export interface Mention {
  userId: string
  name: string
}

export interface CommentMessage {
  id: string
  authorId: string
  authorName: string
  body: string
  at: number
  editedAt?: number
  mentions?: Mention[]
}

export interface CommentThread {
  id: string
  sectionId: string
  anchor: CommentAnchor
  quote: string
  resolved: boolean
  createdBy: string
  createdAt: number
  messages: CommentMessage[]
}

export interface CommentAuthor {
  id: string
  name: string
}

export function commentsRoot(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(COMMENTS_ROOT)
}

/** A random id; works without a secure context (crypto.randomUUID needs one). */
export function newId(): string {
  const bytes = new Uint8Array(12)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** The mentions whose `@Name` is still in `body`, once per person (a name may have been typed over). */
export function mentionsIn(body: string, mentions: readonly Mention[]): Mention[] {
  const kept = new Map<string, Mention>()
  for (const mention of mentions) {
    if (!kept.has(mention.userId) && body.includes(`@${mention.name}`)) kept.set(mention.userId, { userId: mention.userId, name: mention.name })
  }
  return [...kept.values()]
}

function messageMap(author: CommentAuthor, body: string, at: number, mentions: readonly Mention[] = [], id = newId()): Y.Map<unknown> {
  const message = new Y.Map<unknown>()
  message.set('id', id)
  message.set('authorId', author.id)
  message.set('authorName', author.name)
  message.set('body', body)
  message.set('at', at)
  const named = mentionsIn(body, mentions)
  if (named.length > 0) message.set('mentions', named)
  return message
}

export interface NewThread {
  sectionId: string
  anchor: CommentAnchor
  quote: string
  body: string
  author: CommentAuthor
  mentions?: readonly Mention[]
  id?: string
  now?: number
}

/** Creates a thread with its first message; returns the thread id. */
export function createThread(doc: Y.Doc, input: NewThread): string {
  const id = input.id ?? newId()
  const now = input.now ?? Date.now()
  doc.transact(() => {
    const thread = new Y.Map<unknown>()
    const messages = new Y.Array<Y.Map<unknown>>()
    messages.push([messageMap(input.author, input.body, now, input.mentions)])
    thread.set('sectionId', input.sectionId)
    thread.set('anchor', { start: input.anchor.start, end: input.anchor.end })
    thread.set('quote', input.quote)
    thread.set('resolved', false)
    thread.set('createdBy', input.author.id)
    thread.set('createdAt', now)
    thread.set('messages', messages)
    commentsRoot(doc).set(id, thread)
  })
  return id
}

function threadMap(doc: Y.Doc, threadId: string): Y.Map<unknown> | null {
  const thread = commentsRoot(doc).get(threadId)
  return thread instanceof Y.Map ? thread : null
}

function messagesOf(doc: Y.Doc, threadId: string): Y.Array<unknown> | null {
  const messages = threadMap(doc, threadId)?.get('messages')
  return messages instanceof Y.Array ? messages : null
}

function findMessage(messages: Y.Array<unknown>, messageId: string): { index: number; message: Y.Map<unknown> } | null {
  const items = messages.toArray()
  for (let index = 0; index < items.length; index++) {
    const message = items[index]
    if (message instanceof Y.Map && message.get('id') === messageId) return { index, message }
  }
  return null
}

/** Appends a reply; returns its id, or null when the thread is gone. */
export function addReply(doc: Y.Doc, threadId: string, author: CommentAuthor, body: string, mentions: readonly Mention[] = [], now = Date.now()): string | null {
  const messages = messagesOf(doc, threadId)
  if (!messages) return null
  const id = newId()
  messages.push([messageMap(author, body, now, mentions, id)])
  return id
}

/** Replaces a message's body and mentions. Only the author may do this (the server enforces it). */
export function editMessage(doc: Y.Doc, threadId: string, messageId: string, body: string, mentions: readonly Mention[] = [], now = Date.now()): boolean {
  const messages = messagesOf(doc, threadId)
  const found = messages && findMessage(messages, messageId)
  if (!found) return false
  const named = mentionsIn(body, mentions)
  doc.transact(() => {
    found.message.set('body', body)
    found.message.set('editedAt', now)
    if (named.length > 0 || found.message.has('mentions')) found.message.set('mentions', named)
  })
  return true
}

/**
 * Deletes a message: own messages, or any as a coordinator (server-enforced). The thread stays,
 * even without messages (`readThreads` leaves such a thread out): deleting it would also delete a
 * reply someone else added meanwhile, which the server refuses (4403), so the deleter's page would
 * turn read-only for a delete it was entitled to.
 */
export function deleteMessage(doc: Y.Doc, threadId: string, messageId: string): boolean {
  const messages = messagesOf(doc, threadId)
  const found = messages && findMessage(messages, messageId)
  if (!messages || !found) return false
  messages.delete(found.index, 1)
  return true
}

export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean): boolean {
  const thread = threadMap(doc, threadId)
  if (!thread) return false
  thread.set('resolved', resolved)
  return true
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

function readMessage(value: unknown): CommentMessage | null {
  if (!(value instanceof Y.Map)) return null
  const { id, authorId, authorName, body, at, editedAt, mentions } = value.toJSON() as Record<string, unknown>
  if (!isString(id) || !isString(authorId) || !isString(body)) return null
  const named = readMentions(mentions)
  return {
    id,
    authorId,
    authorName: isString(authorName) ? authorName : '',
    body,
    at: isNumber(at) ? at : 0,
    ...(isNumber(editedAt) ? { editedAt } : {}),
    ...(named.length > 0 ? { mentions: named } : {}),
  }
}

function readMentions(value: unknown): Mention[] {
  if (!Array.isArray(value)) return []
  return value.filter((entry): entry is Mention => !!entry && typeof entry === 'object' && isString((entry as Mention).userId) && isString((entry as Mention).name))
}

function readAnchor(value: unknown): CommentAnchor | null {
  if (!value || typeof value !== 'object') return null
  const { start, end } = value as Record<string, unknown>
  return start instanceof Uint8Array && end instanceof Uint8Array ? { start, end } : null
}

/** Every well-formed thread with a message, oldest first. Malformed entries are skipped; this never throws. */
export function readThreads(doc: Y.Doc): CommentThread[] {
  const threads: CommentThread[] = []
  try {
    commentsRoot(doc).forEach((value, id) => {
      try {
        if (!(value instanceof Y.Map)) return
        const sectionId = value.get('sectionId')
        const anchor = readAnchor(value.get('anchor'))
        const messagesValue = value.get('messages')
        if (!isString(sectionId) || !anchor || !(messagesValue instanceof Y.Array)) return
        const messages = messagesValue.toArray().map(readMessage).filter((message): message is CommentMessage => message !== null)
        // Its last message was deleted: to everyone, the thread is gone (see deleteMessage).
        if (messages.length === 0) return
        const quote = value.get('quote')
        const createdBy = value.get('createdBy')
        const createdAt = value.get('createdAt')
        threads.push({
          id,
          sectionId,
          anchor,
          quote: isString(quote) ? quote : '',
          resolved: value.get('resolved') === true,
          createdBy: isString(createdBy) ? createdBy : (messages[0]?.authorId ?? ''),
          createdAt: isNumber(createdAt) ? createdAt : (messages[0]?.at ?? 0),
          messages,
        })
      } catch {
        // A malformed thread is skipped, never fatal.
      }
    })
  } catch {
    return threads
  }
  return threads.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

export function decodeRelative(encoded: Uint8Array): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(encoded)
  } catch {
    return null
  }
}

export interface ResolvedAnchor {
  /** The type each end lives in: normally the paragraph's Y.XmlText. */
  startType: Y.AbstractType<unknown>
  start: number
  endType: Y.AbstractType<unknown>
  end: number
}

/**
 * The anchor's current absolute positions (indices into the Y types the ends live in), or null
 * when the thread is detached: the commented text was deleted, so both ends meet at one index.
 */
export function resolveAnchor(doc: Y.Doc, thread: Pick<CommentThread, 'anchor'>): ResolvedAnchor | null {
  const startRel = decodeRelative(thread.anchor.start)
  const endRel = decodeRelative(thread.anchor.end)
  if (!startRel || !endRel) return null
  try {
    const start = Y.createAbsolutePositionFromRelativePosition(startRel, doc)
    const end = Y.createAbsolutePositionFromRelativePosition(endRel, doc)
    if (!start || !end) return null
    if (start.type === end.type && end.index <= start.index) return null
    return { startType: start.type, start: start.index, endType: end.type, end: end.index }
  } catch {
    return null
  }
}

/** Whether the thread's commented text is gone. */
export function isDetached(doc: Y.Doc, thread: Pick<CommentThread, 'anchor'>): boolean {
  return resolveAnchor(doc, thread) === null
}
