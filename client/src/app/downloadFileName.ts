const UNSAFE = /[\\/:*?"<>|]/
/** Control characters (C0 and DEL), refused by file systems or invisible in a name. */
const isControl = (char: string) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f
const MAX_TITLE_CHARS = 100

/**
 * A downloaded file's name, after the document: `<title> – <what>` (`Vägen in – kontrollrapport.md`).
 * Characters that file systems refuse (or that read as a path) become spaces, leading dots go
 * (no hidden files) and a long title is cut; with no title left the name is `what` alone.
 */
export function downloadFileName(title: string | undefined, what: string): string {
  const safe = [...(title ?? '')]
    .map((char) => (UNSAFE.test(char) || isControl(char) ? ' ' : char))
    .join('').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').trim()
  const cut = [...safe].slice(0, MAX_TITLE_CHARS).join('').trim()
  return cut ? `${cut} – ${what}` : what
}
