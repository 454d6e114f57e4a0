const encoder = new TextEncoder()

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF plus one space before each
 * continuation, which counts towards that line's 75. Counts UTF-8 bytes and never splits a
 * character (å is two octets, and code points outside the BMP stay whole too).
 */
export function foldICalLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  let limit = 75
  for (const char of line) {
    const size = encoder.encode(char).length
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = 74
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}
