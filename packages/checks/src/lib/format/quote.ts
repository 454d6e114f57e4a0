/** Wraps a section title or a found word in Swedish quotation marks (”…”, same on both sides). */
export function quote(text: string): string {
  return `”${text}”`
}
