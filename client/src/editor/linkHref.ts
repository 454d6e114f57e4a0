/** Link addresses the editor makes: http(s) and mailto only, as the server's schema check allows (DESIGN.md). */
export const ALLOWED_LINK_SCHEME = /^(https?:|mailto:)/i

const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/
const HOST_FIRST = /^[^\s/:@]+\.[^\s/:@]+([/?#]\S*)?$/

/**
 * The address a user typed as a link's href, or null when it is not one the editor makes.
 * A bare e-mail address becomes mailto:, a bare host name (www.example.se/sida) https://.
 *
 * @example
 * linkHref('samskriv.se/hjalp') // 'https://samskriv.se/hjalp'
 * linkHref('javascript:alert(1)') // null
 */
export function linkHref(input: string): string | null {
  const typed = input.trim()
  if (!typed || /\s/.test(typed)) return null
  let href = typed
  if (!ALLOWED_LINK_SCHEME.test(typed)) {
    if (EMAIL.test(typed)) href = `mailto:${typed}`
    else if (HOST_FIRST.test(typed)) href = `https://${typed}`
    else return null
  }
  try {
    const url = new URL(href)
    if (!ALLOWED_LINK_SCHEME.test(url.protocol)) return null
    if (url.protocol !== 'mailto:' && !url.hostname) return null
    return href
  } catch {
    return null
  }
}
