/** The href when it may be a link on paper and on screen (http, https, mailto); otherwise undefined. */
export function safeHref(value: unknown): string | undefined {
  const href = value && typeof value === 'object' ? (value as { href?: unknown }).href : undefined
  if (typeof href !== 'string') return undefined
  try {
    const { protocol } = new URL(href)
    return protocol === 'http:' || protocol === 'https:' || protocol === 'mailto:' ? href : undefined
  } catch {
    return undefined
  }
}
