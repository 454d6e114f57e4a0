/** Swedish names of audit actions; unknown actions are shown as they are. */
const labels: Record<string, string> = {
  'document.create': 'Skapade dokumentet',
  'document.delete': 'Tog bort dokumentet',
  'section.lock': 'Låste ett avsnitt',
  'section.unlock': 'Låste upp ett avsnitt',
  'member.add': 'Lade till en medlem',
  'member.invite': 'Bjöd in en medlem',
  'invitation.revoke': 'Drog tillbaka en inbjudan',
  'member.join': 'Gick med via inbjudan',
  'member.role': 'Ändrade en roll',
  'member.remove': 'Tog bort en medlem',
  'version.create': 'Sparade en version',
  'version.restore': 'Återställde en version',
}

export function auditActionLabel(action: string): string {
  return labels[action] ?? action
}
