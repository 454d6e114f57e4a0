import { COMMENT_MAX_CHARS, Root, type Role } from '@samskriv/schema'
import * as Y from 'yjs'
import type { CommentsMirror } from './commentsMirror.ts'

/** Who sends an update, as the server established it at the upgrade (never from the client). */
export interface CommentActor {
  userId: string
  name: string
  role: Role
}

interface MessageState {
  /** The Yjs item that holds the message: a copy written again is another message, whatever it says. */
  identity: string
  id: string
  authorId: string
  authorName: string
  /** Per key, the Yjs item that holds its value: a key written again, even with the same value, is a write. */
  writes: Map<string, string>
  /** The body's length in characters. */
  bodyLength: number
}

interface ThreadState {
  identity: string
  createdBy: string
  writes: Map<string, string>
  /** By item identity (message ids are the client's, and a copy may repeat one). */
  messages: Map<string, MessageState>
}

const THREAD_KEYS = new Set(['sectionId', 'anchor', 'quote', 'resolved', 'createdBy', 'createdAt', 'messages'])
/** What any commenter may write in an existing thread; sectionId, anchor, quote, createdBy, createdAt and messages are fixed. */
const THREAD_EDITABLE_KEYS = new Set(['resolved'])
const MESSAGE_KEYS = new Set(['id', 'authorId', 'authorName', 'body', 'at', 'editedAt', 'mentions'])
/** What an author may change in their own message. */
const EDITABLE_KEYS = new Set(['body', 'editedAt', 'mentions'])
const MAX_MENTIONS = 50
const TOO_LONG = `En kommentar får vara högst ${COMMENT_MAX_CHARS.toLocaleString('sv-SE')} tecken.`

const UNREADABLE = 'Kommentarsändringen kunde inte läsas.'

/**
 * Why `actor` may not apply `update` to the comment threads of `mirror.doc`, or null when it may.
 *
 * The root guard only knows that an update writes to `comments`; this checks *what* it writes,
 * by applying the update to the document's comments mirror and comparing each thread it touched:
 * - a new thread or message must carry the sender's own id and name, and a new message an id that
 *   no message of the document has;
 * - only the author edits a message (body, editedAt, mentions), and only the author or a
 *   coordinator (moderation) deletes it; deleting a whole thread follows the same rule per message;
 * - any commenter may resolve or reopen a thread; the anchor, quote and section never change.
 * Threads, messages and their keys are compared as Yjs items, not only as values: a message
 * deleted and written again as a copy is a deletion (and a later edit of the original by its
 * author would land on the deleted item and be lost), a key written again is a write.
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
    reason = threadsRefusal(mirror, before, after, tried.touched, actor)
  } catch {
    reason = UNREADABLE
  }
  // The mirror now holds an update the document will not take.
  if (reason) mirror.discard()
  return reason
}

function threadsRefusal(mirror: CommentsMirror, before: Y.Map<unknown>, after: Y.Map<unknown>, threadIds: Iterable<string>, actor: CommentActor): string | null {
  const added: MessageState[] = []
  for (const threadId of threadIds) {
    const old = before.get(threadId)
    const next = after.get(threadId)
    // Identities included: a thread or message deleted and written again as an identical copy is not "unchanged".
    if (sameValue(signature(old), signature(next))) continue
    const reason = refusalForThread(old === undefined ? null : readThread(old), next === undefined ? null : readThread(next), old !== undefined, next !== undefined, actor, added)
    if (reason) return reason
  }
  return reusedIdRefusal(mirror, added)
}

/**
 * `added` are the messages the update creates. Their ids must be new to the document: mentions and
 * links name a message by its id, so a second message under an id (in any thread) could pass for
 * the first. Clients make random ids.
 */
function reusedIdRefusal(mirror: CommentsMirror, added: MessageState[]): string | null {
  // The mirror's index of the document's ids: asking is O(added), not O(every message).
  const seen = new Set<string>()
  for (const message of added) {
    if (message.bodyLength > COMMENT_MAX_CHARS) return TOO_LONG
    if (seen.has(message.id) || mirror.holdsMessageId(message.id)) return 'Kommentarens id används redan i dokumentet.'
    seen.add(message.id)
  }
  return null
}

function refusalForThread(old: ThreadState | null, next: ThreadState | null, existed: boolean, exists: boolean, actor: CommentActor, added: MessageState[]): string | null {
  if (exists && !next) return 'Kommentarstråden har en okänd form.'
  if (existed && !old) {
    // A thread we cannot read may only be removed whole, by a coordinator.
    return !exists && actor.role === 'coordinator' ? null : 'Kommentarstråden har en okänd form.'
  }
  // A thread written again under its key is another thread: the old one is deleted, with its messages.
  if (old && next && old.identity !== next.identity) return deletionRefusal(old, actor) ?? creationRefusal(next, actor, added)
  if (!old && next) return creationRefusal(next, actor, added)
  if (old && !next) return deletionRefusal(old, actor)
  if (!old || !next) return null
  for (const key of changedKeys(old.writes, next.writes)) {
    if (!THREAD_EDITABLE_KEYS.has(key)) return 'Trådens förankring kan inte ändras.'
  }
  for (const [identity, message] of old.messages) {
    const kept = next.messages.get(identity)
    if (!kept) {
      if (!mayDelete(message, actor)) return 'Du kan bara ta bort dina egna kommentarer.'
      continue
    }
    const changed = changedKeys(message.writes, kept.writes)
    if (changed.length === 0) continue
    if (message.authorId !== actor.userId) return 'Du kan bara redigera dina egna kommentarer.'
    if (changed.includes('authorId') || changed.includes('authorName')) return 'En kommentars författare kan inte ändras.'
    if (changed.some((key) => !EDITABLE_KEYS.has(key))) return 'Bara texten i en kommentar kan ändras.'
    // Only a body written now: a longer one from before the limit stays readable and deletable.
    if (changed.includes('body') && kept.bodyLength > COMMENT_MAX_CHARS) return TOO_LONG
  }
  for (const [identity, message] of next.messages) {
    if (old.messages.has(identity)) continue
    if (!isOwn(message, actor)) return 'En ny kommentar måste vara skriven av dig.'
    added.push(message)
  }
  return null
}

function creationRefusal(thread: ThreadState, actor: CommentActor, added: MessageState[]): string | null {
  if (thread.createdBy !== actor.userId || thread.messages.size === 0) return 'En ny tråd måste vara skriven av dig.'
  for (const message of thread.messages.values()) {
    if (!isOwn(message, actor)) return 'En ny kommentar måste vara skriven av dig.'
    added.push(message)
  }
  return null
}

function deletionRefusal(thread: ThreadState, actor: CommentActor): string | null {
  for (const message of thread.messages.values()) {
    if (!mayDelete(message, actor)) return 'Du kan bara ta bort dina egna kommentarer.'
  }
  return null
}

const isOwn = (message: MessageState, actor: CommentActor) => message.authorId === actor.userId && message.authorName === actor.name
const mayDelete = (message: MessageState, actor: CommentActor) => message.authorId === actor.userId || actor.role === 'coordinator'

/** A thread in the shape the client model writes, or null for anything else. */
function readThread(value: unknown): ThreadState | null {
  if (!(value instanceof Y.Map)) return null
  for (const key of value.keys()) {
    if (!THREAD_KEYS.has(key)) return null
  }
  const createdBy = value.get('createdBy')
  const resolved = value.get('resolved')
  const messages = value.get('messages')
  if (typeof createdBy !== 'string' || typeof resolved !== 'boolean' || !(messages instanceof Y.Array)) return null
  if (typeof value.get('sectionId') !== 'string') return null
  // Plain values only: a key is judged by the item that holds it, and a change inside a nested
  // type leaves that item as it was, so a Y.Map anchor or a Y.Text quote could be rewritten by anyone.
  if (!isAnchor(value.get('anchor')) || typeof value.get('quote') !== 'string' || typeof value.get('createdAt') !== 'number') return null
  const byIdentity = new Map<string, MessageState>()
  for (const item of messages.toArray()) {
    const message = readMessage(item)
    if (!message) return null
    byIdentity.set(message.identity, message)
  }
  return { identity: identityOf(value), createdBy, writes: writesOf(value), messages: byIdentity }
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
  return { identity: identityOf(value), id, authorId, authorName, writes: writesOf(value), bodyLength: body.length }
}

/** The same item has the same id in the document and in its mirror. */
const itemKey = (item: Y.Item, offset = 0) => `${item.id.client}:${item.id.clock + offset}`
const identityOf = (type: { _item: Y.Item | null }) => (type._item ? itemKey(type._item) : '')

/** Per key of `map`, the item that holds its current value. */
function writesOf(map: Y.Map<unknown>): Map<string, string> {
  const writes = new Map<string, string>()
  for (const [key, item] of map._map) if (!item.deleted) writes.set(key, itemKey(item))
  return writes
}

function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((key) => before.get(key) !== after.get(key))
}

/**
 * A value with the identity of every Yjs item in it, for telling "unchanged" from "deleted and
 * written again the same". Each value of an item is named by its own clock, so items split or
 * merged differently in the document and in the mirror read the same.
 */
function signature(value: unknown): unknown {
  if (!(value instanceof Y.AbstractType)) return value
  const keys: Record<string, unknown> = {}
  for (const [key, item] of value._map) if (!item.deleted) keys[key] = contentSignature(item)
  const items: unknown[] = []
  for (let item = value._start; item; item = item.right) if (!item.deleted) items.push(contentSignature(item))
  return { identity: identityOf(value), keys, items }
}

const contentSignature = (item: Y.Item) => (item.content.getContent() as unknown[]).map((part, offset) => [itemKey(item, offset), signature(part)])

/** `{ start, end }`: two encoded relative positions, as the client model writes them (a plain object, not a Y type). */
function isAnchor(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || value instanceof Y.AbstractType) return false
  const { start, end, ...rest } = value as Record<string, unknown>
  return start instanceof Uint8Array && end instanceof Uint8Array && Object.keys(rest).length === 0
}

function isMentionList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length <= MAX_MENTIONS &&
    value.every((entry) => entry !== null && typeof entry === 'object' && typeof (entry as Record<string, unknown>).userId === 'string' && typeof (entry as Record<string, unknown>).name === 'string')
  )
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
