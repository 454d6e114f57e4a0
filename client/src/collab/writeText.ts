import * as Y from 'yjs'
import { rebaseEdit } from '@samskriv/schema'

/**
 * Makes `map[key]` read `next` as a shared text: only the typed stretch is written, so two people
 * typing in the same field at once both keep what they typed (writing the whole string per
 * keystroke overwrote the other's). `base` is the text the field showed before the edit, when
 * others may have changed it since; their change is kept. A plain value becomes a Y.Text at its
 * first edit. An emptied Y.Text stays, empty: removing it would drop what someone else types into
 * it at that moment (readers take '' as they take a missing value). Call it inside a transaction.
 */
export function writeText(map: Y.Map<unknown>, key: string, next: string, base?: string, caretAfter?: number): void {
  const current = map.get(key)
  if (current instanceof Y.Text) {
    const text = current.toString()
    for (const { index, remove, insert } of rebaseEdit(base ?? text, next, text, caretAfter)) {
      if (remove > 0) current.delete(index, remove)
      if (insert) current.insert(index, insert)
    }
  } else if (next === '') {
    if (map.has(key)) map.delete(key)
  } else if (current !== next) {
    map.set(key, new Y.Text(next))
  }
}

/**
 * Makes `map[key]` a Y.Text (empty when unset, holding a plain value's text) before anyone types
 * into it: two people who start typing in an empty field at once then write into the same one,
 * where each would otherwise make their own and Yjs keep one. Writes nothing when it is one.
 */
export function ensureText(map: Y.Map<unknown>, key: string): void {
  const current = map.get(key)
  if (current instanceof Y.Text) return
  map.set(key, new Y.Text(typeof current === 'string' || typeof current === 'number' ? String(current) : ''))
}

/** `map[key]` when it is a Y.Text. */
export function sharedTextAt(map: unknown, key: string): Y.Text | undefined {
  const value = map instanceof Y.Map ? map.get(key) : undefined
  return value instanceof Y.Text ? value : undefined
}
