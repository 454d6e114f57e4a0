import { Root, type Role } from '@samskriv/schema'
import * as Y from 'yjs'
import type { CommentsMirror } from './commentsMirror.ts'

/** Who sends an update, as the server established it at the upgrade (never from the client). */
export interface CommentActor {
  userId: string
  name: string
  role: Role
}

interface MessageState {
  id: string
  authorId: string
  authorName: string
  /** Everything else the message holds (body, at, editedAt, mentions), compared as values. */
  fields: Record<string, unknown>
}

interface ThreadState {
  createdBy: string
  /** sectionId, anchor, quote, createdAt: fixed once the thread exists. */
  fixed: Record<string, unknown>
  resolved: boolean
  messages: Map<string, MessageState>
}

const THREAD_KEYS = new Set(['sectionId', 'anchor', 'quote', 'resolved', 'createdBy', 'createdAt', 'messages'])
const MESSAGE_KEYS = new Set(['id', 'authorId', 'authorName', 'body', 'at', 'editedAt', 'mentions'])
/** What an author may change in their own message. */
const EDITABLE_KEYS = new Set(['body', 'editedAt', 'mentions'])
const MAX_MENTIONS = 50

const UNREADABLE = 'Kommentarsändringen kunde inte läsas.'

/**
 * Why `actor` may not apply `update` to the comment threads of `mirror.doc`, or null when it may.
 *
 * The root guard only knows that an update writes to `comments`; this checks *what* it writes,
 * by applying the update to the document's comments mirror and comparing each thread it touched:
 * - a new thread or message must carry the sender's own id and name;
 * - only the author edits a message (body, editedAt, mentions), and only the author or a
 *   coordinator (moderation) deletes it; deleting a whole thread follows the same rule per message;
 * - any commenter may resolve or reopen a thread; the anchor, quote and section never change.
 * Anything it cannot read as a thread is refused (fail closed). The document is only read;
 * `origin` is what the room will apply the update with (its connection), so the mirror can tell
 * whether the document took it.
 *
 * @example
 * const reason = commentAuthorshipRefusal(mirror, update, { userId, name, role }, connection)
 * if (reason) throw new UpdateRejectedError(CloseCodes.forbidden, reason)
 */
export function commentAuthorshipRefusal(mirror: CommentsMirror, update: Uint8Array, actor: CommentActor, origin: unknown): string | null {
  const tried = mirror.tryUpdate(update, origin)
  if (!tried) return UNREADABLE
  const before = mirror.doc.getMap<unknown>(Root.comments)
  const after = tried.comments
  let reason: string | null
  try {
    reason = threadsRefusal(before, after, tried.touched, actor)
  } catch {
    reason = UNREADABLE
  }
  // The mirror now holds an update the document will not take.
  if (reason) mirror.discard()
  return reason
}

function threadsRefusal(before: Y.Map<unknown>, after: Y.Map<unknown>, threadIds: Iterable<string>, actor: CommentActor): string | null {
  for (const threadId of threadIds) {
    const old = before.get(threadId)
    const next = after.get(threadId)
    if (sameValue(toPlain(old), toPlain(next))) continue
    const reason = refusalForThread(old === undefined ? null : readThread(old), next === undefined ? null : readThread(next), old !== undefined, next !== undefined, actor)
    if (reason) return reason
  }
  return null
}

function refusalForThread(old: ThreadState | null, next: ThreadState | null, existed: boolean, exists: boolean, actor: CommentActor): string | null {
  if (exists && !next) return 'Kommentarstråden har en okänd form.'
  if (existed && !old) {
    // A thread we cannot read may only be removed whole, by a coordinator.
    return !exists && actor.role === 'coordinator' ? null : 'Kommentarstråden har en okänd form.'
  }
  if (!old && next) {
    if (next.createdBy !== actor.userId || next.messages.size === 0) return 'En ny tråd måste vara skriven av dig.'
    for (const message of next.messages.values()) {
      if (!isOwn(message, actor)) return 'En ny kommentar måste vara skriven av dig.'
    }
    return null
  }
  if (old && !next) {
    for (const message of old.messages.values()) {
      if (!mayDelete(message, actor)) return 'Du kan bara ta bort dina egna kommentarer.'
    }
    return null
  }
  if (!old || !next) return null
  if (old.createdBy !== next.createdBy || !sameValue(old.fixed, next.fixed)) return 'Trådens förankring kan inte ändras.'
  for (const [id, message] of old.messages) {
    const changed = next.messages.get(id)
    if (!changed) {
      if (!mayDelete(message, actor)) return 'Du kan bara ta bort dina egna kommentarer.'
      continue
    }
    if (sameValue(message, changed)) continue
    if (message.authorId !== actor.userId) return 'Du kan bara redigera dina egna kommentarer.'
    if (changed.authorId !== message.authorId || changed.authorName !== message.authorName) return 'En kommentars författare kan inte ändras.'
    for (const key of new Set([...Object.keys(message.fields), ...Object.keys(changed.fields)])) {
      if (!EDITABLE_KEYS.has(key) && !sameValue(message.fields[key], changed.fields[key])) return 'Bara texten i en kommentar kan ändras.'
    }
  }
  for (const [id, message] of next.messages) {
    if (!old.messages.has(id) && !isOwn(message, actor)) return 'En ny kommentar måste vara skriven av dig.'
  }
  return null
}

const isOwn = (message: MessageState, actor: CommentActor) => message.authorId === actor.userId && message.authorName === actor.name
const mayDelete = (message: MessageState, actor: CommentActor) => message.authorId === actor.userId || actor.role === 'coordinator'

/** A thread in the shape the client model writes, or null for anything else. */
function readThread(value: unknown): ThreadState | null {
  if (!(value instanceof Y.Map)) return null
  const fixed: Record<string, unknown> = {}
  for (const key of value.keys()) {
    if (!THREAD_KEYS.has(key)) return null
  }
  const createdBy = value.get('createdBy')
  const resolved = value.get('resolved')
  const messages = value.get('messages')
  if (typeof createdBy !== 'string' || typeof resolved !== 'boolean' || !(messages instanceof Y.Array)) return null
  for (const key of ['sectionId', 'anchor', 'quote', 'createdAt']) fixed[key] = toPlain(value.get(key))
  if (typeof fixed.sectionId !== 'string') return null
  const byId = new Map<string, MessageState>()
  for (const item of messages.toArray()) {
    const message = readMessage(item)
    if (!message || byId.has(message.id)) return null
    byId.set(message.id, message)
  }
  return { createdBy, fixed, resolved, messages: byId }
}

function readMessage(value: unknown): MessageState | null {
  if (!(value instanceof Y.Map)) return null
  const fields: Record<string, unknown> = {}
  for (const [key, field] of value.entries()) {
    if (!MESSAGE_KEYS.has(key) || field instanceof Y.AbstractType) return null
    fields[key] = field
  }
  const { id, authorId, authorName, body, at, editedAt, mentions } = fields
  if (typeof id !== 'string' || typeof authorId !== 'string' || typeof authorName !== 'string' || typeof body !== 'string' || typeof at !== 'number') return null
  if (editedAt !== undefined && typeof editedAt !== 'number') return null
  if (mentions !== undefined && !isMentionList(mentions)) return null
  delete fields.id
  delete fields.authorId
  delete fields.authorName
  return { id, authorId, authorName, fields }
}

function isMentionList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length <= MAX_MENTIONS &&
    value.every((entry) => entry !== null && typeof entry === 'object' && typeof (entry as Record<string, unknown>).userId === 'string' && typeof (entry as Record<string, unknown>).name === 'string')
  )
}

function toPlain(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.toJSON() : value
}

/** Deep equality over what Yjs stores: JSON values, Uint8Arrays and Maps of our own snapshots. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((byte, index) => byte === b[index])
  }
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map) || !(b instanceof Map) || a.size !== b.size) return false
    for (const [key, value] of a) if (!b.has(key) || !sameValue(value, b.get(key))) return false
    return true
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]))
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  const aKeys = Object.keys(a)
  const bKeys = Object.keys(b)
  if (aKeys.length !== bKeys.length) return false
  return aKeys.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}
