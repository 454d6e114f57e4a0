/** The `@name` being typed at the caret: where its `@` is and what follows it. */
export interface MentionQuery {
  start: number
  query: string
}

const MAX_QUERY = 40

/**
 * The mention the user is typing just before `caret`, or null. An `@` counts at the start or
 * after whitespace (not in an e-mail address); the query may hold spaces ("@Anna Lin") but no line break.
 */
export function mentionQuery(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret)
  const start = before.lastIndexOf('@')
  if (start === -1 || caret - start - 1 > MAX_QUERY) return null
  if (start > 0 && !/\s/.test(before[start - 1] ?? '')) return null
  const query = before.slice(start + 1)
  if (/[\n@]/.test(query) || query.startsWith(' ')) return null
  return { start, query }
}

/** Members whose name, or a word of it, starts with the query (case-insensitive), at most `limit`. */
export function matchMembers<T extends { name: string }>(members: readonly T[], query: string, limit = 8): T[] {
  const wanted = query.toLocaleLowerCase('sv')
  return members
    .filter((member) => {
      const name = member.name.toLocaleLowerCase('sv')
      return name.startsWith(wanted) || name.split(/\s+/).some((word) => word.startsWith(wanted))
    })
    .slice(0, limit)
}
