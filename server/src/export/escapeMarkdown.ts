/** Backslash-escapes what Markdown would read as syntax inside running text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&')
}
