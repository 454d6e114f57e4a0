/** Beyond this a text is cut short: it tells a control apart from its neighbours, it does not repeat the text. */
const MAX_LENGTH = 40

/**
 * A comment's quote or message on one line and at most `max` characters, for naming the controls
 * of one thread or message apart from the same controls of the others.
 *
 * @example
 * excerpt('kvinnor och män i åldern 18–29 år som står långt från arbetsmarknaden') // 'kvinnor och män i åldern 18–29 år som s…'
 */
export function excerpt(text: string, max = MAX_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat
}
