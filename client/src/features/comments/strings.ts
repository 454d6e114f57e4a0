/** The comments feature's UI strings (Swedish). */
export const s = {
  comment: 'Kommentera',
  commentLabel: 'Kommentar',
  saveComment: 'Spara kommentar',
  cancel: 'Avbryt',
  panelTitle: 'Kommentarer',
  filter: 'Visa',
  filterOpen: 'Öppna',
  filterResolved: 'Lösta',
  filterMine: 'Mina',
  filterSection: 'Avsnitt: {title}',
  none: 'Inga kommentarer att visa.',
  reply: 'Svara',
  sendReply: 'Skicka svar',
  resolve: 'Markera som löst',
  reopen: 'Öppna igen',
  detached: 'Texten är borttagen',
  edit: 'Redigera',
  editLabel: 'Redigera kommentar',
  saveEdit: 'Spara ändring',
  remove: 'Ta bort',
  edited: '(redigerad)',
  showInText: 'Visa i texten',
  inSection: 'I avsnittet {title}',
  resolvedBadge: 'Löst',
  commentSaved: 'Kommentaren sparades',
} as const

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')
}
