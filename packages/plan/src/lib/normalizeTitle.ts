/**
 * The form of an activity title used to recognise the same activity in several months:
 * case, spacing, quotes and trailing punctuation do not make a different activity.
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/[”“"'’]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!]+$/, '')
    .trim()
}
