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

  status: 'Status',
  statusUtkast: 'Utkast',
  statusKlar: 'Klar för granskning',
  statusGodkand: 'Godkänd',
  owner: 'Ansvarig',
  noOwner: 'Ingen',
  unknownOwner: 'Okänd medlem',
  ownerLabel: 'Ansvarig: {name}',
  fillLevel: '{count}/{limit}',
  fillLevelLabel: '{count} av {limit} tecken',
  addSection: 'Lägg till avsnitt',
  newSectionTitle: 'Nytt avsnitt',
  sectionTitleInput: 'Avsnittets rubrik',
  moveUp: 'Flytta upp',
  moveDown: 'Flytta ned',
  moveUpLabel: 'Flytta upp: {title}',
  moveDownLabel: 'Flytta ned: {title}',
  removeSection: 'Ta bort avsnitt',
  removeSectionLabel: 'Ta bort avsnitt: {title}',
  confirmRemove: 'Bekräfta borttagning',
  confirmRemoveLabel: 'Bekräfta borttagning av avsnittet {title}',
  sectionAdded: 'Avsnittet ”{title}” lades till',
  sectionRemoved: 'Avsnittet ”{title}” togs bort',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  // comments and @mentions (issue 5)
  commentAction: 'Kommentera',
  commentLabel: 'Kommentar',
  commentSave: 'Spara kommentar',
  commentsTitle: 'Kommentarer',
  commentFilter: 'Visa',
  commentFilterOpen: 'Öppna',
  commentFilterResolved: 'Lösta',
  commentFilterMine: 'Mina',
  commentFilterSection: 'Avsnitt: {title}',
  commentsNone: 'Inga kommentarer att visa.',
  commentReply: 'Svara',
  commentSendReply: 'Skicka svar',
  commentResolve: 'Markera som löst',
  commentReopen: 'Öppna igen',
  commentDetached: 'Texten är borttagen',
  commentEdit: 'Redigera',
  commentEditLabel: 'Redigera kommentar',
  commentSaveEdit: 'Spara ändring',
  commentRemove: 'Ta bort',
  commentEdited: '(redigerad)',
  commentInSection: 'I avsnittet {title}',
  commentResolvedBadge: 'Löst',
  commentSaved: 'Kommentaren sparades',
  mentionHint: 'Skriv @ för att nämna en medlem.',
  mentionSuggestions: 'Medlemmar att nämna',
  mentionSuggestionCount: '{count} förslag. Välj med pil upp eller ned och tryck Enter.',
  mentionsTitle: 'Omnämnanden',
  mentionsIntro: 'Kommentarer där någon har nämnt dig med @. Öppna en för att gå till kommentaren.',
  mentionsUnreadOne: '1 oläst omnämnande',
  mentionsUnreadMany: '{count} olästa omnämnanden',
  mentionsNone: 'Ingen har nämnt dig i en kommentar än.',
  mentionsBy: '{author} nämnde dig {time}',
  mentionsUnread: 'Oläst',
  mentionsMarkAllRead: 'Markera alla som lästa',
  mentionsLoadFailed: 'Kunde inte hämta omnämnanden: {message}',
} as const

export type MessageKey = keyof typeof sv
type Messages = Record<MessageKey, string>

const en: Messages = {
  appName: 'Samskriv',
  loading: 'Loading…',
  logout: 'Log out',
  signedInAs: 'Signed in as {name}',
  skipToContent: 'Skip to content',

  authTitle: 'Log in or create an account',
  authIntro: 'Write applications together. Enter a name only when creating a new account.',
  email: 'Email',
  name: 'Name',
  password: 'Password',
  login: 'Log in',
  register: 'Create account',
  nameRequired: 'Enter your name to create an account.',

  workspacesTitle: 'Workspaces',
  noWorkspaces: 'You have no workspaces yet.',
  newWorkspace: 'New workspace',
  workspaceName: 'Workspace name',
  createWorkspace: 'Create workspace',
  yourRole: 'Your role: {role}',

  backToWorkspaces: 'All workspaces',
  documentsTitle: 'Documents',
  noDocuments: 'No documents yet.',
  colTitle: 'Title',
  colTemplate: 'Template',
  colUpdated: 'Last changed',
  colActive: 'Working now',
  nobody: 'Nobody',
  newDocument: 'New document',
  documentTitle: 'Title',
  template: 'Template',
  createDocument: 'Create document',

  membersTitle: 'Members',
  addMember: 'Add member',
  role: 'Role',
  memberAdded: '{name} is now a member.',
  invitationCreated: 'No user with that address exists. Send this invitation link:',

  backToWorkspace: 'Back to the workspace',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline – changes are saved locally',
  fatalUnauthorized: 'Your session has expired. Log in again to keep editing.',
  fatalNotFound: 'The document does not exist or you no longer have access to it.',
  rejectedUpdate: 'The server could not save a change. Reload the document to continue.',
  reloadDocument: 'Reload the document',
  presentTitle: 'Here now',
  outlineTitle: 'Contents',
  guidance: 'Guidance',
  readOnly: 'You can read but not edit this document.',
  locked: 'Locked',
  lockedBy: 'Locked by {name} {time}',
  lockedByReason: 'Locked by {name} {time} – {reason}',
  lockedLabel: 'The section is locked for review by {name} {time}',
  lockedLabelReason: 'The section is locked for review by {name} {time}. Reason: {reason}',
  lockForReview: 'Lock for review',
  unlock: 'Unlock',
  lockReason: 'Reason (optional)',
  lockConfirm: 'Lock the section',
  cancel: 'Cancel',
  lockAnnounced: 'The section “{title}” was locked for review by {name}',
  unlockAnnounced: 'The section “{title}” was unlocked',
  lockFailed: 'Could not lock the section: {message}',
  unlockFailed: 'Could not unlock the section: {message}',
  unsavedTitle: 'Text that could not be saved',
  unsavedIntro: 'The server did not accept your latest changes, and the document has been reloaded from the server. Here is the text you had written, so you can copy it.',
  copy: 'Copy',
  copied: 'The text has been copied.',
  copyFailed: 'Could not copy. Select the text and copy it yourself.',
  dismiss: 'Close',
  required: 'Required',
  syncing: 'Fetching the document…',
  noSections: 'The document has no sections.',

  charCount: '{count} / {limit} characters',
  charCountNoLimit: '{count} characters',
  nearLimit: 'Near the limit',
  overLimit: 'Over the limit by {over} characters',
  overLimitShort: 'Over the limit',

  notFound: 'The page does not exist.',
  toStart: 'To the start page',

  status: 'Status',
  statusUtkast: 'Draft',
  statusKlar: 'Ready for review',
  statusGodkand: 'Approved',
  owner: 'Owner',
  noOwner: 'Nobody',
  unknownOwner: 'Unknown member',
  ownerLabel: 'Owner: {name}',
  fillLevel: '{count}/{limit}',
  fillLevelLabel: '{count} of {limit} characters',
  addSection: 'Add section',
  newSectionTitle: 'New section',
  sectionTitleInput: 'Section heading',
  moveUp: 'Move up',
  moveDown: 'Move down',
  moveUpLabel: 'Move up: {title}',
  moveDownLabel: 'Move down: {title}',
  removeSection: 'Remove section',
  removeSectionLabel: 'Remove section: {title}',
  confirmRemove: 'Confirm removal',
  confirmRemoveLabel: 'Confirm removal of the section {title}',
  sectionAdded: 'The section “{title}” was added',
  sectionRemoved: 'The section “{title}” was removed',
  switchLanguage: 'Svenska',
  switchLanguageLabel: 'Byt till svenska',
  // comments and @mentions (issue 5)
  commentAction: 'Comment',
  commentLabel: 'Comment',
  commentSave: 'Save comment',
  commentsTitle: 'Comments',
  commentFilter: 'Show',
  commentFilterOpen: 'Open',
  commentFilterResolved: 'Resolved',
  commentFilterMine: 'Mine',
  commentFilterSection: 'Section: {title}',
  commentsNone: 'No comments to show.',
  commentReply: 'Reply',
  commentSendReply: 'Send reply',
  commentResolve: 'Mark as resolved',
  commentReopen: 'Reopen',
  commentDetached: 'The text has been deleted',
  commentEdit: 'Edit',
  commentEditLabel: 'Edit comment',
  commentSaveEdit: 'Save change',
  commentRemove: 'Delete',
  commentEdited: '(edited)',
  commentInSection: 'In the section {title}',
  commentResolvedBadge: 'Resolved',
  commentSaved: 'The comment was saved',
  mentionHint: 'Type @ to mention a member.',
  mentionSuggestions: 'Members to mention',
  mentionSuggestionCount: '{count} suggestions. Choose with the up or down arrow and press Enter.',
  mentionsTitle: 'Mentions',
  mentionsIntro: 'Comments where someone mentioned you with @. Open one to go to the comment.',
  mentionsUnreadOne: '1 unread mention',
  mentionsUnreadMany: '{count} unread mentions',
  mentionsNone: 'Nobody has mentioned you in a comment yet.',
  mentionsBy: '{author} mentioned you {time}',
  mentionsUnread: 'Unread',
  mentionsMarkAllRead: 'Mark all as read',
  mentionsLoadFailed: 'Could not load mentions: {message}',
}

export type Lang = 'sv' | 'en'
const messages: Record<Lang, Messages> = { sv, en }
const LANG_KEY = 'samskriv.lang'

function storedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === 'en' ? 'en' : 'sv'
  } catch {
    return 'sv'
  }
}

let locale: Lang = storedLang()
if (typeof document !== 'undefined') document.documentElement.lang = locale

/** The current UI language (Swedish unless the user chose English). */
export function getLang(): Lang {
  return locale
}

/**
 * Switches the UI language, remembers it in localStorage and sets `<html lang>`.
 * `t()` is a plain function, so the caller reloads the page to re-render every string.
 */
export function setLang(lang: Lang): void {
  locale = lang
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang
}

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
