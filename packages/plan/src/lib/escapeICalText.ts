/** Escapes a TEXT value per RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks. */
export function escapeICalText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}
