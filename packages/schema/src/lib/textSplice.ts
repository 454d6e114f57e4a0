/** The one stretch that differs between two texts: at `index`, `remove` characters gave way to `insert`. */
export interface TextSplice {
  index: number
  remove: number
  insert: string
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/**
 * The smallest splice that turns `before` into `after` (their common start and end kept), in
 * UTF-16 code units as Y.Text and input fields count, never cutting a surrogate pair in two (an
 * emoji half-deleted would be stored as a broken character). Where the change could sit in more
 * than one place (a space typed after a space), `caretAfter`, the field's caret after the change,
 * says where it was made: the change ends there.
 *
 * @example textSplice('Dalarna', 'Dalarnas län') // { index: 7, remove: 0, insert: 's län' }
 */
export function textSplice(before: string, after: string, caretAfter?: number): TextSplice {
  const shorter = Math.min(before.length, after.length)
  const limit = caretAfter === undefined ? shorter : Math.max(0, Math.min(shorter, caretAfter - Math.max(0, after.length - before.length)))
  let start = 0
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--
  let end = 0
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) }
}

/**
 * Where a caret at `position` in `before` stands in `after`: unmoved before the change, shifted
 * by its length after it, and at the end of the new text when it stood inside what was replaced.
 */
export function movedCaret(position: number, before: string, after: string): number {
  const { index, remove, insert } = textSplice(before, after)
  if (position <= index) return position
  if (position >= index + remove) return position + insert.length - remove
  return index + insert.length
}

/**
 * The user's edit of `base` (the text their field showed) as it applies to `current`, the shared
 * text now, which others may have changed since their field last showed it: the edit moves along
 * by what others inserted or removed before it. Typed at the same place, the user's insertion
 * goes before theirs. Where both changed the same characters, the others' change is kept whole:
 * the user's insertion goes after theirs (before it, when the user's edit starts earlier), and
 * the user's deletion takes what lies outside theirs. Returns
 * the splices to apply to `current`, last first, so that each one's index holds.
 *
 * @example rebaseEdit('Dalarna', 'Dalarna län', 'Region Dalarna') // [{ index: 14, remove: 0, insert: ' län' }]
 */
export function rebaseEdit(base: string, edited: string, current: string, caretAfter?: number): TextSplice[] {
  const own = textSplice(base, edited, caretAfter)
  if (current === base) return [own]
  const theirs = textSplice(base, current)
  const theirEnd = theirs.index + theirs.remove
  const ownEnd = own.index + own.remove
  // Ours ends where theirs starts (both typed at one place): ours first. It follows the character
  // before it in this user's view, as theirs follows the same one in theirs: each person's next
  // keystrokes then go after their own, and two words typed at one place never interleave.
  if (ownEnd <= theirs.index) return [own]
  if (own.index >= theirEnd) return [{ ...own, index: own.index + theirs.insert.length - theirs.remove }]
  // Overlapping: what of ours lies after their change, and what lies before it (with our text).
  const afterTheirs = { index: theirs.index + theirs.insert.length, remove: Math.max(0, ownEnd - theirEnd), insert: '' }
  if (own.index >= theirs.index) return [{ ...afterTheirs, insert: own.insert }]
  const beforeTheirs = { index: own.index, remove: theirs.index - own.index, insert: own.insert }
  return afterTheirs.remove > 0 ? [afterTheirs, beforeTheirs] : [beforeTheirs]
}
