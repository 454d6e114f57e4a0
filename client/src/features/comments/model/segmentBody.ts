import type { Mention } from './comments.ts'

export type BodySegment = { kind: 'text'; text: string } | { kind: 'mention'; text: string; userId: string } | { kind: 'link'; text: string; href: string }

const URL_PATTERN = /https?:\/\/[^\s<>"']+/gi
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]]+$/

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The address as a safe http(s) href, or null (only http and https are ever linked). */
export function safeHref(text: string): string | null {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/**
 * Splits a comment body into plain text, `@Name` mentions (of the message's own mentions) and
 * http(s) links, for rendering as text nodes and elements: nothing in a body is ever HTML.
 *
 * @example
 * segmentBody('@Bo se https://esf.se.', [{ userId: 'u2', name: 'Bo' }])
 * // [{ kind: 'mention', text: '@Bo', userId: 'u2' }, { kind: 'text', text: ' se ' },
 * //  { kind: 'link', text: 'https://esf.se', href: 'https://esf.se/' }, { kind: 'text', text: '.' }]
 */
export function segmentBody(body: string, mentions: readonly Mention[] = []): BodySegment[] {
  const byName = new Map(mentions.map((mention) => [`@${mention.name}`, mention.userId]))
  // Longest names first, so "@Bo Ek" wins over "@Bo".
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp)
  const pattern = new RegExp([...names, URL_PATTERN.source].join('|'), 'gi')
  const segments: BodySegment[] = []
  const pushText = (text: string) => {
    if (!text) return
    const last = segments.at(-1)
    if (last?.kind === 'text') last.text += text
    else segments.push({ kind: 'text', text })
  }
  let position = 0
  for (const match of body.matchAll(pattern)) {
    const index = match.index
    let text = match[0]
    pushText(body.slice(position, index))
    position = index + text.length
    const userId = byName.get(text)
    if (userId !== undefined) {
      segments.push({ kind: 'mention', text, userId })
      continue
    }
    const trailing = TRAILING.exec(text)?.[0] ?? ''
    text = text.slice(0, text.length - trailing.length)
    const href = safeHref(text)
    if (href) segments.push({ kind: 'link', text, href })
    else pushText(text)
    pushText(trailing)
  }
  pushText(body.slice(position))
  return segments
}
