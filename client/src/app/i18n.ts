/** UI strings. Swedish first; add `en` with the same keys to offer English. */
const sv = {
  appName: 'Samskriv',
  loading: 'Laddar…',
  logout: 'Logga ut',
  signedInAs: 'Inloggad som {name}',
  skipToContent: 'Hoppa till innehållet',

  authTitle: 'Logga in eller skapa konto',
  authIntro: 'Skriv ansökningar tillsammans. Ange namn bara när du skapar ett nytt konto.',
  email: 'E-post',
  name: 'Namn',
  password: 'Lösenord',
  login: 'Logga in',
  register: 'Skapa konto',
  nameRequired: 'Ange ditt namn för att skapa ett konto.',

  workspacesTitle: 'Arbetsytor',
  noWorkspaces: 'Du har inga arbetsytor än.',
  newWorkspace: 'Ny arbetsyta',
  workspaceName: 'Namn på arbetsytan',
  createWorkspace: 'Skapa arbetsyta',
  yourRole: 'Din roll: {role}',

  backToWorkspaces: 'Alla arbetsytor',
  documentsTitle: 'Dokument',
  noDocuments: 'Inga dokument än.',
  colTitle: 'Titel',
  colTemplate: 'Mall',
  colUpdated: 'Senast ändrad',
  colActive: 'Arbetar nu',
  nobody: 'Ingen',
  newDocument: 'Nytt dokument',
  documentTitle: 'Titel',
  template: 'Mall',
  createDocument: 'Skapa dokument',

  membersTitle: 'Medlemmar',
  addMember: 'Lägg till medlem',
  role: 'Roll',
  memberAdded: '{name} är nu medlem.',
  invitationCreated: 'Ingen användare med den adressen finns. Skicka den här inbjudningslänken:',

  backToWorkspace: 'Tillbaka till arbetsytan',
  connected: 'Ansluten',
  reconnecting: 'Återansluter…',
  offline: 'Offline – ändringar sparas lokalt',
  fatalUnauthorized: 'Din session har gått ut. Logga in igen för att fortsätta redigera.',
  fatalNotFound: 'Dokumentet finns inte eller så har du inte längre åtkomst till det.',
  rejectedUpdate: 'Servern kunde inte spara en ändring. Ladda om dokumentet för att fortsätta.',
  reloadDocument: 'Ladda om dokumentet',
  presentTitle: 'Här nu',
  outlineTitle: 'Innehåll',
  guidance: 'Vägledning',
  readOnly: 'Du kan läsa men inte redigera det här dokumentet.',
  locked: 'Låst',
  lockedBy: 'Låst av {name} {time}',
  lockedByReason: 'Låst av {name} {time} – {reason}',
  lockedLabel: 'Avsnittet är låst för granskning av {name} {time}',
  lockedLabelReason: 'Avsnittet är låst för granskning av {name} {time}. Anledning: {reason}',
  lockForReview: 'Lås för granskning',
  unlock: 'Lås upp',
  lockReason: 'Anledning (valfritt)',
  lockConfirm: 'Lås avsnittet',
  cancel: 'Avbryt',
  lockAnnounced: 'Avsnittet ”{title}” låstes för granskning av {name}',
  unlockAnnounced: 'Avsnittet ”{title}” låstes upp',
  lockFailed: 'Kunde inte låsa avsnittet: {message}',
  unlockFailed: 'Kunde inte låsa upp avsnittet: {message}',
  unsavedTitle: 'Text som inte kunde sparas',
  unsavedIntro: 'Servern tog inte emot dina senaste ändringar, och dokumentet har laddats om från servern. Här är texten du hade skrivit, så att du kan kopiera den.',
  copy: 'Kopiera',
  copied: 'Texten är kopierad.',
  copyFailed: 'Kunde inte kopiera. Markera texten och kopiera den själv.',
  dismiss: 'Stäng',
  required: 'Obligatorisk',
  syncing: 'Hämtar dokumentet…',
  noSections: 'Dokumentet har inga avsnitt.',

  charCount: '{count} / {limit} tecken',
  charCountNoLimit: '{count} tecken',
  nearLimit: 'Nära gränsen',
  overLimit: 'Över gränsen med {over} tecken',
  overLimitShort: 'Över gränsen',

  notFound: 'Sidan finns inte.',
  toStart: 'Till startsidan',
} as const

export type MessageKey = keyof typeof sv
type Messages = Record<MessageKey, string>

const messages: Record<'sv', Messages> = { sv }
const locale: keyof typeof messages = 'sv'

/**
 * Looks up a UI string and fills `{placeholders}`.
 *
 * @example
 * t('charCount', { count: 12, limit: 4000 }) // '12 / 4000 tecken'
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = messages[locale][key]
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
}
