import type { CheckItemResult, CheckReport, CheckStatus } from '@samskriv/checks'

// The Swedish wording of @samskriv/checks' reportToMarkdown, which keeps its labels private;
// the Word export needs them as text, not Markdown.
const STATUS_TEXT: Readonly<Record<CheckStatus, string>> = {
  pass: 'Uppfylld',
  warn: 'Varning',
  fail: 'Ej uppfylld',
  pending: 'Väntar på bedömning',
}

const VERDICT_TEXT: Readonly<Record<CheckStatus, string>> = {
  pass: 'Klar – alla punkter är uppfyllda.',
  warn: 'Klar med varningar – inget stoppar dokumentet, men se över punkterna med varning.',
  fail: 'Inte klar – åtgärda punkterna som inte är uppfyllda.',
  pending: 'Väntar på granskning – analytikerna har manuella punkter kvar att bedöma.',
}

export const CHECKS_TITLE = 'Kontrollrapport'

export function verdictText(report: CheckReport): string {
  return `Samlad bedömning: ${VERDICT_TEXT[report.verdict]}`
}

export function countsText(report: CheckReport): string {
  const items = report.groups.flatMap((group) => group.items)
  const count = (status: CheckStatus) => items.filter((item) => item.status === status).length
  return `Uppfyllda: ${count('pass')}. Varningar: ${count('warn')}. Ej uppfyllda: ${count('fail')}. Väntar på bedömning: ${count('pending')}.`
}

/** "A3 Titel" and "Uppfylld (automatisk)", the two parts of an item's first line. */
export function itemHeadline(item: CheckItemResult): { name: string; status: string } {
  const status = item.stale ? `${STATUS_TEXT.pending} (texten har ändrats efter signeringen)` : STATUS_TEXT[item.status]
  return { name: `${item.id} ${item.title}`, status: `${status} (${item.kind === 'manual' ? 'manuell' : 'automatisk'})` }
}
